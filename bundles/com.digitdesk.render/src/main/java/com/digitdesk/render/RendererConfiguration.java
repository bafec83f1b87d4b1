package com.digitdesk.render;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk PDF renderer", description = "How scanned PDF pages become rasters, and "
		+ "what one PDF file may cost before it is given up.")
public @interface RendererConfiguration {

	String PID = "com.digitdesk.render";

	@AttributeDefinition(name = "Largest page raster (megapixels)", description = "Pages, and embedded scan "
			+ "images, larger than this are refused with an error before anything is decoded. A letter page "
			+ "at 600 dpi is 34 megapixels.")
	int maxMegapixels() default 100;

	@AttributeDefinition(name = "Keep PDF data in temporary files", description = "Buffer the decoded streams of "
			+ "open PDF files in temporary files instead of memory, so that huge files do not fill the heap.")
	boolean tempFileBuffering() default true;

	@AttributeDefinition(name = "Read PDF files in worker processes", description = "Open and render every PDF "
			+ "file in a separate Java process with its own memory, time and disk limits, so that a file that "
			+ "overflows the stack, exhausts memory or never finishes costs only that file. Off: in this process, "
			+ "without those limits.")
	boolean workerProcesses() default true;

	@AttributeDefinition(name = "Worker heap (MB)", description = "Java heap of a worker process; a file that "
			+ "needs more is given up as exhausting memory.")
	int workerHeapMegabytes() default 512;

	@AttributeDefinition(name = "Worker memory (MB)", description = "Resident memory a worker process may use in "
			+ "all (heap, native memory, code); above it the worker is stopped and the file given up.")
	int workerMemoryMegabytes() default 1024;

	@AttributeDefinition(name = "Worker scratch space (MB)", description = "Temporary disk space a worker may fill "
			+ "with decoded streams of one file; above it the worker is stopped and the file given up.")
	int workerScratchMegabytes() default 2048;

	@AttributeDefinition(name = "Time per step (seconds)", description = "How long opening a file, or reading "
			+ "one of its pages, may take; a step that takes longer is stopped and the file given up.")
	int stepSeconds() default 60;
}
