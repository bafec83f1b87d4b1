package com.digitdesk.http;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Lets a request to the API through only with the bearer token; anything else gets 401. */
// exists only while the API is configured, like its server
@Component(service = Filter.class, configurationPid = HttpApiConfiguration.PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardTarget(ApiServer.TARGET)
public class ApiAccessFilter implements Filter {

	private final ApiServer server;

	@Activate
	public ApiAccessFilter(@Reference ApiServer server) {
		this.server = server;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		if (server.token().admits(http.getHeader("Authorization"))) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletResponse answer = (HttpServletResponse) response;
		answer.setHeader("WWW-Authenticate", "Bearer realm=\"digitdesk\"");
		Exchange.error(answer, new ApiError(401, http.getHeader("Authorization") == null
				? "this API needs a bearer token (Authorization: Bearer TOKEN; the server keeps it in "
						+ ApiToken.FILE + " in its data directory)"
				: "the bearer token is not the server's"), 0);
	}
}
