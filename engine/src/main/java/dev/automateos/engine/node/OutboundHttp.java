package dev.automateos.engine.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * HTTP for node types. Implementations check the request's address against the outbound guard
 * before connecting, and refuse with {@link OutboundRefusedException}. The caller reads (and
 * bounds) the body stream and closes it.
 */
public interface OutboundHttp {

    HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException;
}
