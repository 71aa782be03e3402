package dev.automateos.nodes.http;

import dev.automateos.engine.http.Backoff;
import dev.automateos.engine.http.RetryAfter;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.nodes.http.HttpRequestNode.Options;
import dev.automateos.nodes.http.HttpRequestNode.Result;
import dev.automateos.nodes.http.HttpRequestNode.RetryOn;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The attempts of one step, in process: send, and on a retryable failure wait (Thread.sleep on the
 * step's virtual thread) and send again. The delays come from {@link Backoff}, which a durable engine
 * retry can reuse when it schedules attempts instead of sleeping.
 */
final class Attempts {

    private final Options options;
    private final NodeContext context;
    private final Redactor redactor;

    Attempts(Options options, NodeContext context, Redactor redactor) {
        this.options = options;
        this.context = context;
        this.redactor = redactor;
    }

    Result run(HttpRequest request) {
        long started = System.nanoTime();
        Backoff backoff = options.retry().backoff();
        String target = request.method() + " " + OutgoingRequest.display(request.uri());
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            String reason;
            try {
                Exchange exchange = Exchange.send(context.http(), request, options.timeoutMs(), options.maxResponseBytes());
                if (!retries(kindOf(exchange.status()), attempt)) {
                    return finish(target, exchange, attempt, started);
                }
                retryAfter = RetryAfter.parse(exchange.header("retry-after"), context.clock());
                reason = "status " + exchange.status();
            } catch (IOException e) {
                if (!retries(kindOf(e), attempt)) {
                    throw HttpRequestException.noResponse(codeOf(e), target + " failed" + after(attempt) + ": " + describe(e) + ".",
                            kindOf(e) == RetryOn.CONNECT_ERROR);
                }
                reason = describe(e);
            } catch (InterruptedException e) {
                throw cancelled();
            }
            Duration delay = backoff.delay(attempt, retryAfter, ThreadLocalRandom.current());
            context.log(target + ": " + reason + "; attempt " + (attempt + 1) + " of " + options.retry().maxAttempts()
                    + " in " + delay.toMillis() + " ms" + (retryAfter.isPresent() ? " (Retry-After)" : ""));
            sleep(delay);
        }
    }

    private Result finish(String target, Exchange exchange, int attempts, long started) {
        int status = exchange.status();
        if (options.failOnNon_2xx() && (status < 200 || status > 299)) {
            String excerpt = redactor.scrub(ResponseBody.excerpt(exchange, 300));
            throw HttpRequestException.status(target + " answered " + status + after(attempts)
                    + (excerpt.isEmpty() ? "." : ": " + excerpt), status);
        }
        var body = redactor.scrub(ResponseBody.parse(exchange, options.responseFormat()));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        context.log(target + ": status " + status + after(attempts) + " in " + millis + " ms");
        return new Result(status, redactor.scrub(ResponseBody.headers(exchange)), body, millis, attempts);
    }

    private boolean retries(RetryOn kind, int attempt) {
        return kind != null && options.retry().retryOn().contains(kind) && attempt < options.retry().maxAttempts();
    }

    private static RetryOn kindOf(int status) {
        if (status == 429) {
            return RetryOn.RATE_LIMITED;
        }
        return status >= 500 && status <= 599 ? RetryOn.SERVER_ERROR : null;
    }

    private static RetryOn kindOf(IOException e) {
        if (e instanceof HttpConnectTimeoutException || causedBy(e, ConnectException.class)
                || causedBy(e, UnresolvedAddressException.class)) {
            return RetryOn.CONNECT_ERROR;
        }
        return e instanceof HttpTimeoutException ? RetryOn.TIMEOUT : null;
    }

    private String describe(IOException e) {
        return switch (kindOf(e)) {
            case CONNECT_ERROR -> "the connection could not be opened (" + e.getClass().getSimpleName() + ")";
            case TIMEOUT -> "no complete response within " + options.timeoutMs() + " ms";
            case null, default -> e instanceof UnknownHostException
                    ? "the host name does not resolve"
                    : redactor.scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        };
    }

    private static String codeOf(IOException e) {
        return switch (kindOf(e)) {
            case CONNECT_ERROR -> "connect_failed";
            case TIMEOUT -> "timeout";
            case null, default -> e instanceof UnknownHostException ? "unknown_host" : "request_failed";
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String after(int attempts) {
        return attempts == 1 ? "" : " after " + attempts + " attempts";
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            throw cancelled();
        }
    }

    private static HttpRequestException cancelled() {
        Thread.currentThread().interrupt();
        return HttpRequestException.noResponse("cancelled", "The request was cancelled.", false);
    }
}
