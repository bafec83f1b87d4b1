package com.digitdesk.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk HTTP API", description = "Where the recognition service listens, who may "
		+ "call it, and how much it takes at once")
public @interface HttpApiConfiguration {

	String PID = "com.digitdesk.http";

	/** The service property of the HTTP server instance the API runs on (servlets select it with it). */
	String SERVER_PROPERTY = "digitdesk.http";

	@AttributeDefinition(description = "TCP port of the API's own server (0: any free port)")
	int port() default 8765;

	@AttributeDefinition(description = "Address to listen on; 127.0.0.1 keeps the API on this machine, 0.0.0.0 "
			+ "opens it to the network")
	String bind() default "127.0.0.1";

	@AttributeDefinition(description = "Bearer token a caller must send (Authorization: Bearer TOKEN); empty: one is "
			+ "generated at first start into http.token in the data directory (file mode 0600) and kept", type = AttributeType.PASSWORD)
	String token() default "";

	@AttributeDefinition(description = "JDBC URL of the results store that documents are stored in (?store=true) and "
			+ "whose model versions /api/v1/models lists; empty: the default store")
	String storeUrl() default "";

	@AttributeDefinition(description = "Largest image accepted, in bytes (a single image, or each one of a batch)")
	int maxImageBytes() default 4 * 1024 * 1024;

	@AttributeDefinition(description = "Largest image accepted, in pixels (width times height, read from its header "
			+ "before it is decoded)")
	int maxImagePixels() default 16 * 1024 * 1024;

	@AttributeDefinition(description = "Most images in one batch request")
	int maxBatch() default 256;

	@AttributeDefinition(description = "Largest request body accepted for a batch of images, in bytes")
	int maxBatchBytes() default 32 * 1024 * 1024;

	@AttributeDefinition(description = "Digits waiting for the recognizer beyond which new requests are turned away "
			+ "with 503 and Retry-After (the server is behind); a request is always taken when none wait")
	int maxWaitingDigits() default 128;

	@AttributeDefinition(description = "Most digits the recognizer reads in one batch")
	int recognizerBatch() default 64;

	@AttributeDefinition(description = "Largest PDF accepted, in bytes")
	int maxDocumentBytes() default 64 * 1024 * 1024;

	@AttributeDefinition(description = "Documents read at once; more are turned away with 503 and Retry-After")
	int documentsAtOnce() default 1;

	@AttributeDefinition(description = "Seconds a caller turned away with 503 is told to wait (Retry-After)")
	int retryAfterSeconds() default 1;
}
