package dev.automateos.engine.http;

import dev.automateos.engine.node.OutboundHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@link OutboundHttp} of the engine: the JDK {@link HttpClient} on virtual threads, behind an
 * {@link OutboundGuard}. Redirects are followed here, not by the JDK client, so that every hop is
 * checked again and credentials do not follow a redirect to another origin.
 *
 * <p>DNS rebinding: the guard resolves the name, then the JDK client resolves it again to connect.
 * Both go through {@link java.net.InetAddress}'s cache (30 s for successful lookups by default), so
 * the client connects to an address that was checked, unless the cache entry expires in the
 * milliseconds between the two or the operator set {@code networkaddress.cache.ttl=0}. Pinning the
 * checked IP and sending a {@code Host} header would close that gap for plain HTTP, but breaks TLS
 * (SNI and certificate checks would see the IP) and needs a JVM-wide switch for the restricted
 * {@code Host} header; see docs/outbound-http.md.
 *
 * <p>Thread-safe; one instance serves the whole process. Close it on shutdown.
 */
public final class GuardedHttpClient implements OutboundHttp, AutoCloseable {

    private static final String USER_AGENT = "AutomateOS";

    private final OutboundGuard guard;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    public GuardedHttpClient(OutboundPolicy policy) {
        this(new OutboundGuard(policy));
    }

    public GuardedHttpClient(OutboundGuard guard) {
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(guard.policy().connectTimeout())
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /**
     * Sends the request and follows up to {@link OutboundPolicy#maxRedirects()} redirects, checking
     * each address first. Throws {@link dev.automateos.engine.node.OutboundRefusedException} when a
     * hop is refused, {@link ProtocolException} after too many redirects, and the JDK client's
     * exceptions otherwise. The returned body must be closed by the caller.
     */
    @Override
    public HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest current = withUserAgent(request);
        guard.check(current.uri());
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = client.send(current, HttpResponse.BodyHandlers.ofInputStream());
            if (!Redirects.isRedirect(response)) {
                return response;
            }
            response.body().close();
            if (redirects >= guard.policy().maxRedirects()) {
                throw new ProtocolException("Stopped after " + guard.policy().maxRedirects() + " redirects.");
            }
            URI target;
            try {
                target = Redirects.target(current, response);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("The server redirected to a malformed Location.");
            }
            guard.check(target);
            current = Redirects.follow(current, response, target);
        }
    }

    private static HttpRequest withUserAgent(HttpRequest request) {
        if (request.headers().firstValue("user-agent").isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("User-Agent", USER_AGENT).build();
    }

    @Override
    public void close() {
        client.close();
        executor.close();
    }
}
