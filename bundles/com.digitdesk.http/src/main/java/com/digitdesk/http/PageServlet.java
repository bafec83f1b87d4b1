package com.digitdesk.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The drawing page at {@code /}: a canvas to draw a digit on (or an image to upload) and the eleven
 * probabilities the recognizer gives it, read through the API with the token the page is given.
 */
// exists only while the API is configured, like its server
@Component(service = Servlet.class, configurationPid = HttpApiConfiguration.PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardTarget(ApiServer.TARGET)
public class PageServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	/** The page's files and their types; nothing else is served from here. */
	private static final Map<String, String> FILES = Map.of("/index.html", "text/html", "/draw.js", "text/javascript",
			"/draw.css", "text/css");

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
		if (path.isEmpty() || path.equals("/")) {
			path = "/index.html";
		}
		String type = FILES.get(path);
		if (type == null) {
			Exchange.error(response, new ApiError(404, "no page " + path + " here; the drawing page is at /, the API "
					+ "under /api/v1/ (described at /api/v1/openapi.json)"), 0);
			return;
		}
		try (InputStream file = PageServlet.class.getResourceAsStream("/web" + path)) {
			response.setContentType(type);
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Content-Security-Policy",
					"default-src 'self'; img-src 'self' data: blob:; connect-src 'self'");
			response.setHeader("X-Content-Type-Options", "nosniff");
			file.transferTo(response.getOutputStream());
		}
	}
}
