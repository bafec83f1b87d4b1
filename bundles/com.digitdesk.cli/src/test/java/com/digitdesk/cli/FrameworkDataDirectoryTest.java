package com.digitdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkDataDirectoryTest {

	@TempDir
	Path dir;

	@Test
	void aDataDirectoryReadableByOthersIsNarrowedToItsOwner() throws Exception {
		assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "the file system has POSIX permissions");
		Path data = Files.createDirectory(dir.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path link = Files.createSymbolicLink(dir.resolve("link"), data);

		FrameworkDataDirectory.narrow(link);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");

		FrameworkDataDirectory.narrow(dir.resolve("missing"));
		assertThat(dir.resolve("missing")).doesNotExist();
	}
}
