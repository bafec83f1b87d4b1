package com.digitdesk.corpus;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A corpus is tax forms (social security numbers, wages) and is written as
 * such: readable by its owner only, directories 0700 and files 0600 from the
 * moment they are created. On a file system without POSIX permissions it is
 * written as it would be without them.
 */
final class PrivateFiles {

	private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private PrivateFiles() {
	}

	/**
	 * Creates {@code directory} and its missing parents, each owner-only.
	 * One that exists already keeps its permissions: it is the caller's (a
	 * data directory narrows itself when it is opened).
	 */
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

	/**
	 * An empty owner-only file to write into: created so, or (left by a run
	 * that was killed) narrowed to it. Writing into an existing file keeps its
	 * permissions, and so does moving it into place.
	 */
	static Path emptyFile(Path file) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
			return file;
		} catch (UnsupportedOperationException noPosix) {
			Files.deleteIfExists(file);
			return Files.createFile(file);
		} catch (FileAlreadyExistsException leftOver) {
			PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
			if (view != null) {
				view.setPermissions(FILE);
			}
			Files.write(file, new byte[0]);
			return file;
		}
	}
}
