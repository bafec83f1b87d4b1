package com.digitdesk.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognizerInfo;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ModelVersions;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a caller asks of the service itself: {@code GET /api/v1/health} (up, with the model it reads with),
 * {@code GET /api/v1/models} (that model and the store's versions) and {@code GET /api/v1/openapi.json}
 * (the API's description).
 */
// exists only while the API is configured, like its server
@Component(service = Servlet.class, configurationPid = HttpApiConfiguration.PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern({ "/api/v1/health", "/api/v1/models", "/api/v1/openapi.json" })
@HttpWhiteboardTarget(ApiServer.TARGET)
public class ServiceInfoServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient DigitRecognizer recognizer;
	private final transient ResultStores stores;
	private final transient ApiServer server;
	private final Instant started = Instant.now();

	@Activate
	public ServiceInfoServlet(@Reference(target = "(recognizer=cnn)") DigitRecognizer recognizer,
			@Reference ResultStores stores,
			@Reference ApiServer server) {
		this.recognizer = recognizer;
		this.stores = stores;
		this.server = server;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		switch (request.getServletPath()) {
		case "/api/v1/health" -> health(response);
		case "/api/v1/models" -> models(response);
		default -> openApi(response);
		}
	}

	private void health(HttpServletResponse response) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "up");
		body.put("model_version", recognizer.info().modelId());
		body.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
		Exchange.json(response, 200, body);
	}

	private void models(HttpServletResponse response) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		RecognizerInfo info = recognizer.info();
		body.put("reading_with", Map.of("name", info.name(), "model_version", info.modelId(), "description",
				info.description()));
		String storeUrl = server.config().storeUrl().isBlank() ? stores.defaultUrl() : server.config().storeUrl();
		try {
			ModelVersions versions = stores.store(storeUrl);
			body.put("store_versions", versions.models().stream().map(ServiceInfoServlet::version).toList());
		} catch (StoreException e) {
			body.put("store_versions", List.of());
			body.put("store_problem", e.getMessage());
		}
		Exchange.json(response, 200, body);
	}

	private static Map<String, Object> version(ModelVersion version) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("version", version.version());
		json.put("state", version.state().code());
		json.put("parent", version.parent().orElse(null));
		json.put("sha256", version.sha256());
		json.put("created_at", version.createdAt().toString());
		json.put("note", version.note());
		return json;
	}

	private void openApi(HttpServletResponse response) throws IOException {
		try (InputStream description = ServiceInfoServlet.class.getResourceAsStream("/web/openapi.json")) {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			description.transferTo(response.getOutputStream());
		}
	}
}
