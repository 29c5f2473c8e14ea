package org.switchboard.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The largest request body the API reads into a JSON argument ({@code switchboard.api.max-body-size}, 2 MB unless
 * set). A body declared larger is refused before a byte of it is read; one sent without its length (chunked) is
 * refused when the limit is passed, so no request holds more than the limit in memory. The answer is 413 with
 * problem details, written and sent at once with {@code Connection: close} (the rest of the body is never read).
 * Uploads ({@code multipart/form-data}) have their own limits (the history import's).
 */
@ControllerAdvice
class BodySizeLimit extends RequestBodyAdviceAdapter {

    private final DataSize limit;

    BodySizeLimit(@Value("${switchboard.api.max-body-size:2MB}") DataSize limit) {
        if (limit.toBytes() < 1024) {
            throw new IllegalArgumentException("switchboard.api.max-body-size must be at least 1KB, not " + limit);
        }
        this.limit = limit;
    }

    /** A body larger than the limit. */
    static final class TooLarge extends RuntimeException {
        final DataSize limit;

        TooLarge(DataSize limit) {
            super("request body above " + limit, null, false, false);
            this.limit = limit;
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (input.getHeaders().getContentLength() > limit.toBytes()) {
            throw new TooLarge(limit);
        }
        InputStream limited = new Limited(input.getBody(), limit);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** Reads on until the limit, then throws {@link TooLarge}. */
    private static final class Limited extends FilterInputStream {
        private final DataSize limit;
        private long left;

        Limited(InputStream in, DataSize limit) {
            super(in);
            this.limit = limit;
            this.left = limit.toBytes();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, left + 1)));
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge(limit);
                }
            }
            return n;
        }
    }

    /** The cause chain holds a {@link TooLarge}. */
    static TooLarge in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** Writes the 413 and sends it at once. */
    static void answer(TooLarge e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reason = "The request body is larger than " + label(e.limit) + ", the most the API reads";
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, reason,
                List.of(Map.of("field", "", "reason", reason)));
        response.setHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(response, request, problem);
        response.flushBuffer();
    }

    static String label(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return String.format("%,d MB", bytes / (1024 * 1024));
        }
        return bytes % 1024 == 0 ? String.format("%,d KB", bytes / 1024) : String.format("%,d bytes", bytes);
    }
}
