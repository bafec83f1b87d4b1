package com.digitdesk.render;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;

/**
 * The PDF renderer: opens each file in a render worker process (see
 * {@link RenderWorkerMain}) so that whatever a hostile file does (overflow
 * the stack, exhaust heap or native memory, never finish a page, fill the
 * disk with a decompression bomb) ends only that file, as a
 * {@link DocumentException} naming it and the page. Configured to, it renders
 * in this process instead.
 */
@Component(configurationPid = RendererConfiguration.PID)
@Designate(ocd = RendererConfiguration.class)
public class WorkerRenderer implements PageRenderer {

	private final PdfBoxRenderer inProcess;
	private final RenderWorkerPool workers;

	@Activate
	public WorkerRenderer(RendererConfiguration configuration, BundleContext context) {
		// the class path is written out when the first file is opened, not at every start of the runtime
		this(configuration, configuration.workerProcesses()
				? () -> WorkerClasspath.of(context, context.getDataFile("worker-classpath").toPath())
				: null, context.getDataFile("worker-scratch").toPath());
	}

	/**
	 * @param classpath the workers' class path; null renders in this process
	 * @param scratchRoot where workers get their temporary directories
	 */
	WorkerRenderer(RendererConfiguration configuration, String classpath, Path scratchRoot) {
		this(configuration, classpath == null ? null : () -> classpath, scratchRoot);
	}

	private WorkerRenderer(RendererConfiguration configuration, Callable<String> classpath, Path scratchRoot) {
		if (classpath == null) {
			inProcess = new PdfBoxRenderer(configuration);
			workers = null;
		} else {
			inProcess = null;
			workers = new RenderWorkerPool(() -> command(configuration, classpath.call()), scratchRoot,
					WorkerLimits.of(configuration));
		}
	}

	private static List<String> command(RendererConfiguration configuration, String classpath) {
		RenderLimits limits = RenderLimits.of(configuration);
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + configuration.workerHeapMegabytes() + "m",
				// decoders allocate direct buffers too: bound them with the heap
				"-XX:MaxDirectMemorySize=" + Math.max(16, configuration.workerHeapMegabytes() / 4) + "m",
				// one collector thread: the importer's threads already take every core
				"-XX:+UseSerialGC", "-XX:-UsePerfData", "-Djava.awt.headless=true",
				"-cp", classpath, RenderWorkerMain.class.getName(),
				String.valueOf(limits.maxPixels()), String.valueOf(limits.tempFileBuffering()));
	}

	@Deactivate
	public void deactivate() {
		if (workers != null) {
			workers.close();
		} else {
			inProcess.deactivate();
		}
	}

	@Override
	public PdfDocument open(Path pdf) throws DocumentException {
		if (workers == null) {
			return inProcess.open(pdf);
		}
		RenderWorkerProcess worker;
		try {
			worker = workers.take();
		} catch (IOException e) {
			throw new DocumentException(pdf, "cannot be read: no render worker could be started: " + e.getMessage(),
					e);
		}
		try {
			int pageCount = worker.call(pdf, -1, "opening it", out -> {
				out.writeByte(WorkerProtocol.OPEN);
				out.writeUTF(pdf.toAbsolutePath().toString());
			}, DataInputStream::readInt);
			return new WorkerDocument(pdf, pageCount, worker, workers);
		} catch (DocumentException | RuntimeException e) {
			workers.give(worker);
			throw e;
		}
	}
}
