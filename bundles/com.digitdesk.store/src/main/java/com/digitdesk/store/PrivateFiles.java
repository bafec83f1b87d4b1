package com.digitdesk.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories only their owner can read: directories 0700, files
 * 0600, made so when they are created (not changed afterwards, so there is no
 * moment when others could open them) and narrowed when found wider. On a
 * file system without POSIX permissions everything goes on as it would
 * without them.
 */
final class PrivateFiles {

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private PrivateFiles() {
	}

	/** Creates {@code directory} and its missing parents, each owner-only; existing ones are left as they are. */
	static void createDirectories(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		try {
			Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
		} catch (UnsupportedOperationException noPosix) {
			Files.createDirectories(directory);
		}
	}

	/** Creates an empty owner-only file unless there is one; an existing file is left as it is. */
	static void createFile(Path file) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
		} catch (UnsupportedOperationException noPosix) {
			if (!Files.exists(file)) {
				Files.createFile(file);
			}
		} catch (FileAlreadyExistsException exists) {
			// kept as it is, and narrowed by whoever opens it
		}
	}

	/**
	 * Takes every permission of group and others away from a file (0600) or
	 * directory (0700) that has any; symbolic links are not followed.
	 *
	 * @return whether its permissions were changed
	 */
	static boolean narrow(Path path) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		if (view == null || Files.isSymbolicLink(path)) {
			return false;
		}
		boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
		Set<PosixFilePermission> wanted = directory ? DIRECTORY : FILE;
		if (view.readAttributes().permissions().equals(wanted)) {
			return false;
		}
		view.setPermissions(wanted);
		return true;
	}

	/**
	 * {@link #narrow} on {@code root} and everything under it (not following
	 * links); one that cannot be narrowed (another user's) does not keep the
	 * others from it.
	 *
	 * @throws IOException the first failure, with the others suppressed in it
	 */
	static void narrowTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		List<Path> all;
		// a root that is a link (a data directory kept elsewhere) is narrowed where it leads
		try (Stream<Path> tree = Files.walk(root.toRealPath())) {
			all = tree.toList();
		}
		IOException failed = null;
		for (Path path : all) {
			try {
				narrow(path);
			} catch (IOException e) {
				if (failed == null) {
					failed = e;
				} else {
					failed.addSuppressed(e);
				}
			}
		}
		if (failed != null) {
			throw failed;
		}
	}
}
