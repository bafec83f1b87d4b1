package com.digitdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.data.DataDirectory;

/**
 * The data directory this framework names ({@value DataDirectory#PROPERTY}),
 * else ./data, narrowed to its owner when it is first asked for.
 */
@Component(service = DataDirectory.class)
public class FrameworkDataDirectory implements DataDirectory {

	private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
	private static final Logger LOG = LoggerFactory.getLogger(FrameworkDataDirectory.class);

	private final Path directory;

	@Activate
	public FrameworkDataDirectory(BundleContext context) {
		String configured = context.getProperty(PROPERTY);
		directory = Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
	}

	@Override
	public Path path() {
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
