package org.switchboard.base.api;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * A path under {@code /api/} that no controller has answers 404 with problem details. Without this the request
 * fell through to the UI's catch-all mapping and came back as the UI's HTML page with 200. The mapping runs after
 * the controllers' own (so a known path with a wrong method, content type or {@code Accept} still answers 405,
 * 415 or 406) and before the UI's.
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping() {
        HttpRequestHandler notFound = (request, response) -> Problems.write(response, request,
                Problems.of(HttpStatus.NOT_FOUND, "There is no API endpoint at " + request.getRequestURI(), List.of()));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api", notFound, "/api/**", notFound));
        // after the controllers (order 0) and before the UI's catch-all and static resources (lowest - 1)
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return mapping;
    }
}
