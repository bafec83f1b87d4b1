package com.digitdesk.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.intake.ArchiveImport;
import com.digitdesk.api.intake.ImportStatus;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.routing.PageGrouping;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoreException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/v1/documents}: a PDF as the body; its pages read as the importer reads them (rendered by
 * the renderer, which keeps what a hostile file does to PDFBox away from the server; identified,
 * registered, segmented, recognized, routed with the rules between pages), answered with every page's
 * template and fields. {@code ?store=true} also imports it into the results store (as {@code import}
 * would: once per content, the clerks' queue gets its doubtful fields). A file that cannot be read: 422
 * with the reason.
 */
// exists only while the API is configured, like its server
@Component(service = Servlet.class, configurationPid = HttpApiConfiguration.PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern("/api/v1/documents")
@HttpWhiteboardTarget(ApiServer.TARGET)
public class DocumentsServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = LoggerFactory.getLogger(DocumentsServlet.class);
	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private final transient PageRenderer renderer;
	private final transient PageReader reader;
	private final transient FieldRouting routing;
	private final transient ArchiveImport importer;
	private final transient ResultStores stores;
	private final transient DataDirectory data;
	private final transient ApiServer server;
	private final transient Semaphore reading;

	@Activate
	public DocumentsServlet(@Reference PageRenderer renderer, @Reference PageReader reader,
			@Reference FieldRouting routing, @Reference ArchiveImport importer, @Reference ResultStores stores,
			@Reference DataDirectory data, @Reference ApiServer server) {
		this.renderer = renderer;
		this.reader = reader;
		this.routing = routing;
		this.importer = importer;
		this.stores = stores;
		this.data = data;
		this.server = server;
		this.reading = new Semaphore(Math.max(1, server.config().documentsAtOnce()));
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long started = System.nanoTime();
		HttpApiConfiguration config = server.config();
		Path folder = null;
		boolean admitted = false;
		try {
			String type = Exchange.mediaType(request);
			if (!type.equals("application/pdf") && !type.equals("application/octet-stream")) {
				throw ApiError.unsupported((type.isEmpty() ? "a request without a Content-Type"
						: "Content-Type " + type) + " is no PDF: send the file as application/pdf");
			}
			String name = name(request.getParameter("name"));
			if (!(admitted = reading.tryAcquire())) {
				throw ApiError.busy("the server is reading as many documents as it reads at once ("
						+ config.documentsAtOnce() + "); try again shortly");
			}
			byte[] pdf = Exchange.body(request, config.maxDocumentBytes(), "a document");
			folder = Files.createTempDirectory(uploads(), "upload-");
			Path file = folder.resolve(name);
			Files.write(file, pdf);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("file", name);
			body.put("pages", read(file).stream().map(DocumentsServlet::page).toList());
			body.put("model_version", reader.modelId());
			if ("true".equalsIgnoreCase(request.getParameter("store"))) {
				body.put("stored", store(file, config));
			}
			body.put("millis", (System.nanoTime() - started) / 1e6);
			Exchange.json(response, 200, body);
		} catch (ApiError e) {
			Exchange.error(response, e, config.retryAfterSeconds());
		} finally {
			if (admitted) {
				reading.release();
			}
			if (folder != null) {
				deleteQuietly(folder);
			}
		}
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Exchange.error(response, new ApiError(405, "POST a PDF to " + request.getRequestURI()), 0);
	}

	/** Every page of the file, read and routed as the importer does it. */
	private List<PageResult> read(Path file) throws ApiError {
		String name = file.getFileName().toString();
		List<PageResult> pages = new ArrayList<>();
		try (PdfDocument pdf = renderer.open(file)) {
			PageGrouping groups = routing.grouping();
			for (int p = 0; p < pdf.pageCount(); p++) {
				for (List<ReadPage> group : groups.add(reader.read(p, pdf.scan(p, PageReader.RENDER_DPI)))) {
					pages.addAll(routing.route(group, routing.policy()));
				}
			}
			for (List<ReadPage> group : groups.finish()) {
				pages.addAll(routing.route(group, routing.policy()));
			}
			return pages;
		} catch (DocumentException e) {
			// the reasons name the file by its path here; the caller knows it by its name
			throw new ApiError(422, e.getMessage().replace(file.toString(), name));
		} catch (RecognitionException e) {
			throw new ApiError(500, name + ": the recognizer failed: " + e.getMessage());
		} catch (StackOverflowError e) {
			throw new ApiError(422, name + ": cannot be read: its pages nest too deeply (reading them overflowed "
					+ "the stack)");
		} catch (OutOfMemoryError e) {
			throw new ApiError(422, name + ": cannot be read: reading its pages exhausted the server's memory");
		} catch (RuntimeException e) {
			// a defect met on one odd file must not take the server down; the reason says where
			LOG.warn("{}: cannot be read", name, e);
			throw new ApiError(422, name + ": cannot be read: " + e);
		}
	}

	/** Imports the file into the configured store as {@code import} does, and says how it went. */
	private Map<String, Object> store(Path file, HttpApiConfiguration config) throws ApiError {
		String storeUrl = config.storeUrl().isBlank() ? stores.defaultUrl() : config.storeUrl();
		try {
			// written whole before the import sees it: the import need not wait for it to settle
			Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
			ImportStatus status = importer.start(List.of(file), storeUrl, progress -> {
			}).await();
			Map<String, Object> stored = new LinkedHashMap<>();
			stored.put("state", status.state().name().toLowerCase(Locale.ROOT));
			stored.put("pages", status.pages());
			stored.put("fields", status.fields());
			stored.put("needs_review", status.needsReview());
			stored.put("failed", status.failed());
			stored.put("message", status.message());
			return stored;
		} catch (IOException e) {
			throw new ApiError(500, "the uploaded file cannot be prepared for the import: " + e.getMessage());
		} catch (StoreException e) {
			throw new ApiError(503, "the results store cannot take the document: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ApiError.busy("the server is stopping");
		}
	}

	private static Map<String, Object> page(PageResult page) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("page", page.pageIndex() + 1);
		json.put("template", page.templateId());
		json.put("registration_residual", page.registrationResidual());
		json.put("problem", page.problem().orElse(null));
		json.put("fields", page.fields().stream().map(DocumentsServlet::field).toList());
		return json;
	}

	private static Map<String, Object> field(FieldResult field) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", field.name());
		json.put("value", field.value());
		json.put("status", field.status().code());
		json.put("confidence", field.confidence());
		json.put("proposal", field.proposal().orElse(null));
		json.put("reasons", field.reasons().stream().map(DocumentsServlet::reason).toList());
		return json;
	}

	private static Map<String, Object> reason(ReviewReason reason) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("kind", reason.kind().name().toLowerCase(Locale.ROOT));
		json.put("position", reason.position());
		json.put("detail", reason.detail());
		return json;
	}

	/** The name the file is read (and stored) under: the caller's {@code ?name=} when it is a plain one. */
	private static String name(String asked) throws ApiError {
		if (asked == null || asked.isBlank()) {
			return "upload.pdf";
		}
		if (!SAFE_NAME.matcher(asked).matches() || asked.startsWith(".")) {
			throw ApiError.badRequest("name \"" + asked + "\" is not a plain file name (letters, digits, . _ -)");
		}
		return asked.toLowerCase(Locale.ROOT).endsWith(".pdf") ? asked : asked + ".pdf";
	}

	private Path uploads() throws IOException {
		return Files.createDirectories(data.path().resolve("http-uploads"));
	}

	private static void deleteQuietly(Path folder) {
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException e) {
			LOG.warn("could not remove the upload folder {}: {}", folder, e.toString());
		}
	}
}
