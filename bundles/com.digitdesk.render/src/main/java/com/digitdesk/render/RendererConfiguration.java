package com.digitdesk.render;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk PDF renderer", description = "How scanned PDF pages become rasters.")
public @interface RendererConfiguration {

	String PID = "com.digitdesk.render";

	@AttributeDefinition(name = "Largest page raster (megapixels)", description = "Pages, and embedded scan "
			+ "images, larger than this are refused with an error instead of exhausting memory. A letter page "
			+ "at 600 dpi is 34 megapixels.")
	int maxMegapixels() default 100;

	@AttributeDefinition(name = "Keep PDF data in temporary files", description = "Buffer the decoded streams of "
			+ "open PDF files in temporary files instead of memory, so that huge files do not fill the heap.")
	boolean tempFileBuffering() default true;
}
