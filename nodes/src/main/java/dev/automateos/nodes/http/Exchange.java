package dev.automateos.nodes.http;

import dev.automateos.engine.node.OutboundHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt: send, then read the body up to a size limit, all within the timeout. The JDK's
 * request timeout stops at the response headers; a server that trickles its body would hold the
 * step forever, so the whole attempt runs on its own virtual thread and is interrupted at the deadline.
 */
record Exchange(int status, HttpHeaders headers, byte[] body) {

    static Exchange send(OutboundHttp http, HttpRequest request, int timeoutMs, int maxBytes)
            throws IOException, InterruptedException {
        FutureTask<Exchange> task = new FutureTask<>(() -> exchange(http, request, maxBytes));
        Thread.ofVirtual().name("http-request-attempt").start(task);
        try {
            return task.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new HttpTimeoutException("no complete response within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static Exchange exchange(OutboundHttp http, HttpRequest request, int maxBytes)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request);
        try (InputStream in = response.body()) {
            long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > maxBytes) {
                throw tooLarge(response.statusCode(), maxBytes);
            }
            return new Exchange(response.statusCode(), response.headers(), read(in, maxBytes, response.statusCode()));
        }
    }

    private static byte[] read(InputStream in, int maxBytes, int status) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > maxBytes) {
                throw tooLarge(status, maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static HttpRequestException tooLarge(int status, int maxBytes) {
        return HttpRequestException.invalidResponse("response_too_large", "The response is larger than " + maxBytes
                + " bytes (options.max_response_bytes); it was not kept.", status);
    }

    private static IOException rethrown(Throwable cause) throws InterruptedException {
        return switch (cause) {
            case IOException io -> io;
            case InterruptedException interrupted -> throw interrupted;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> new IOException(cause);
        };
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
