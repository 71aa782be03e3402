package dev.automateos.server.cli;

import tools.jackson.databind.JsonNode;

/** One answer from the server, read whole: the bodies the API sends are small. */
record ApiResponse(int status, String contentType, String requestId, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    JsonNode json() {
        return Json.parse(body);
    }

    /** The problem+json {@code code}, or null when the body is not a problem. */
    String problemCode() {
        if (contentType == null || !contentType.contains("json") || body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode code = Json.MAPPER.readTree(body).path("code");
            return code.isValueNode() ? code.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
