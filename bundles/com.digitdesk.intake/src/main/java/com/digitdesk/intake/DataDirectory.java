package com.digitdesk.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the workstation keeps its data: framework property {@code digitdesk.data}, else ./data. It holds tax
 * data (the results store, the sample archive), so it is readable by its owner only.
 */
final class DataDirectory {

	static final String PROPERTY = "digitdesk.data";

	private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
	private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

	private DataDirectory() {
	}

	/**
	 * The data directory. One that exists is narrowed to its owner (0700) if
	 * it was readable by others (an install from before); one that does not
	 * is created owner-only by whatever writes into it first.
	 */
	static Path of(BundleContext context) {
		String configured = context.getProperty(PROPERTY);
		Path directory = Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
		narrow(directory);
		return directory;
	}

	/** The directory (where a link to it leads) narrowed to 0700, if it exists and was wider. */
	static void narrow(Path directory) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try {
			PosixFileAttributeView view = Files.getFileAttributeView(directory.toRealPath(),
					PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
			if (view != null && !view.readAttributes().permissions().equals(PRIVATE)) {
				view.setPermissions(PRIVATE);
			}
		} catch (UnsupportedOperationException noPosix) {
			// a file system without POSIX permissions
		} catch (IOException e) {
			LOG.warn("Could not make the data directory {} readable by its owner only: {}", directory, e.toString());
		}
	}
}
