package com.digitdesk.api.data;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where this runtime keeps its local data (the embedded results store, the
 * sample archive): the directory the framework property {@value #PROPERTY}
 * names, else {@code data} under the working directory. It holds tax data,
 * so it is readable by its owner only.
 */
@ProviderType
public interface DataDirectory {

	/** The framework property naming the data directory. */
	String PROPERTY = "digitdesk.data";

	/**
	 * The directory, absolute. One that exists is narrowed to its owner
	 * (0700) if it was readable by others (an install from before); one that
	 * does not is left for whatever writes into it first to create, owner-only.
	 */
	Path path();
}
