package dev.automateos.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.node.OutboundRefusedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only IP literals and a fixed name table are resolved here: no test makes a DNS query. */
class OutboundGuardTest {

    private static final Map<String, List<String>> NAMES = Map.of(
            "api.example.test", List.of("93.184.216.34"),
            "two-faced.example.test", List.of("93.184.216.34", "169.254.169.254"),
            "nas.home.test", List.of("192.168.1.20"),
            "sub.allowed.test", List.of("93.184.216.35"),
            "other.test", List.of("93.184.216.36"));

    private static OutboundGuard guard(OutboundPolicy policy) {
        return new OutboundGuard(policy, OutboundGuardTest::resolve);
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> ips = NAMES.get(host);
        if (ips == null) {
            // IP literals (in every form InetAddress reads) parse without DNS; a name would be a test mistake.
            if (!host.matches("[0-9a-f.:]+")) {
                throw new AssertionError("no DNS in tests: " + host);
            }
            return InetAddress.getAllByName(host);
        }
        InetAddress[] addresses = new InetAddress[ips.size()];
        for (int i = 0; i < ips.size(); i++) {
            addresses[i] = InetAddress.getByAddress(host, ip(ips.get(i)).getAddress());
        }
        return addresses;
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data/", "http://169.254.0.1/", "http://169.254.255.255:8080/",
        "http://100.100.100.200/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[febf:ffff::1]/",
        "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/", "http://[::169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/",
        "http://2852039166/", "http://169.254.43518/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.Google.Internal./", "http://metadata.goog/"})
    void refusesCloudMetadataAndLinkLocalAddressesInEveryForm(String url) {
        // Even the most permissive policy refuses them.
        assertThatThrownBy(() -> guard(OutboundPolicy.defaults()).check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("refused");
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsRefused() {
        assertThatThrownBy(() -> guard(OutboundPolicy.defaults()).check(URI.create("https://two-faced.example.test/")))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("169.254.169.254").hasMessageContaining("metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://224.0.0.1/", "http://255.255.255.255/", "http://240.0.0.1/", "http://[ff02::1]/"})
    void refusesMulticastBroadcastAndReservedAddresses(String url) {
        assertThatThrownBy(() -> guard(OutboundPolicy.defaults()).check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/", "http://172.16.5.4/", "http://172.31.255.255/", "http://192.168.1.1/",
        "http://100.64.0.1/", "http://[fd12:3456::1]/", "http://[fc00::1]/", "http://[::ffff:10.1.2.3]/",
        "http://nas.home.test:5000/", "http://167772161/"})
    void allowsPrivateRangesByDefaultAndRefusesThemWhenTheSettingSaysSo(String url) throws Exception {
        assertThat(guard(OutboundPolicy.defaults()).check(URI.create(url))).isNotEmpty();

        assertThatThrownBy(() -> guard(OutboundPolicy.defaults().withAllowPrivate(false)).check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.8.9.10:8080/", "http://[::1]/", "http://0.0.0.0/",
        "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/"})
    void allowsLoopbackByDefaultAndRefusesItWhenTheSettingSaysSo(String url) throws Exception {
        assertThat(guard(OutboundPolicy.defaults()).check(URI.create(url))).isNotEmpty();

        assertThatThrownBy(() -> guard(OutboundPolicy.defaults().withAllowLoopback(false)).check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/", "http://[2606:4700::1111]/", "https://api.example.test/v1",
        "http://172.32.0.1/", "http://100.128.0.1/", "http://169.253.1.1/"})
    void allowsPublicAddressesUnderTheStrictestAddressSettings(String url) throws Exception {
        OutboundPolicy strict = OutboundPolicy.defaults().withAllowPrivate(false).withAllowLoopback(false);

        assertThat(guard(strict).check(URI.create(url))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/", "jar:http://x/!/"})
    void refusesSchemesOtherThanHttpAndHttps(String url) {
        assertThatThrownBy(() -> guard(OutboundPolicy.defaults()).check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("http and https");
    }

    @Test
    void refusesAUrlWithoutAHost() {
        assertThatThrownBy(() -> guard(OutboundPolicy.defaults()).check(URI.create("http:///path")))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("host");
    }

    @Test
    void deniedHostsWinAndAllowedHostsNarrowWithoutLiftingAddressRules() throws Exception {
        OutboundPolicy policy = OutboundPolicy.defaults().withAllowPrivate(false)
                .withAllowedHosts(List.of("*.allowed.test", "nas.home.test", "api.example.test"))
                .withDeniedHosts(List.of("API.example.test"));

        assertThat(guard(policy).check(URI.create("https://sub.allowed.test/"))).hasSize(1);
        assertThatThrownBy(() -> guard(policy).check(URI.create("https://other.test/")))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("allow list");
        assertThatThrownBy(() -> guard(policy).check(URI.create("https://api.example.test/")))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("deny list");
        assertThatThrownBy(() -> guard(policy).check(URI.create("http://nas.home.test/")))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("private");
    }

    @Test
    void classifiesAddressesByRange() throws Exception {
        assertThat(AddressKind.of(ip("169.254.169.254"))).isEqualTo(AddressKind.CLOUD_METADATA);
        assertThat(AddressKind.of(ip("fd00:ec2::254"))).isEqualTo(AddressKind.CLOUD_METADATA);
        assertThat(AddressKind.of(ip("fd00:ec2::253"))).isEqualTo(AddressKind.PRIVATE);
        assertThat(AddressKind.of(ip("100.100.100.201"))).isEqualTo(AddressKind.PRIVATE);
        assertThat(AddressKind.of(ip("::1"))).isEqualTo(AddressKind.LOOPBACK);
        assertThat(AddressKind.of(ip("::2"))).isEqualTo(AddressKind.LOOPBACK);
        assertThat(AddressKind.of(ip("8.8.8.8"))).isEqualTo(AddressKind.PUBLIC);
    }
}
