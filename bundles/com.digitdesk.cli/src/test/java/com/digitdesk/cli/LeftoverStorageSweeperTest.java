package com.digitdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverStorageSweeperTest {

	@TempDir
	Path temp;

	@Test
	void removesTheStorageOfDeadRunsAndLeavesLivingAndForeignOnes() throws Exception {
		Path own = storage("osgi.1.fw");
		Path dead = storage("osgi.2.fw");
		Path livingElsewhere = storage("osgi.3.fw");
		Path livingHere = storage("osgi.4.fw");
		Path foreign = storage("osgi.5.fw");
		Path otherName = storage("cache.6.fw");
		Files.writeString(dead.resolve(LeftoverStorageSweeper.LOCK), "");
		Files.writeString(otherName.resolve(LeftoverStorageSweeper.LOCK), "");

		Process holder = holdInAnotherProcess(livingElsewhere);
		try (FileChannel ownLock = LeftoverStorageSweeper.claim(own);
				FileChannel hereLock = LeftoverStorageSweeper.claim(livingHere)) {
			assertThat(LeftoverStorageSweeper.sweep(own)).containsExactly(dead);
		} finally {
			holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(dead).doesNotExist();
		assertThat(own).isDirectory();
		assertThat(livingElsewhere.resolve("bundle1/bundle.jar")).exists();
		assertThat(livingHere).isDirectory();
		assertThat(foreign).isDirectory();
		assertThat(otherName).isDirectory();

		// Once the holder has been killed, its storage goes too.
		assertThat(LeftoverStorageSweeper.sweep(own)).containsExactlyInAnyOrder(livingElsewhere, livingHere);
	}

	@Test
	void theLockFileAppearsOnlyOnceItIsHeld() throws Exception {
		Path own = storage("osgi.7.fw");
		try (FileChannel lock = LeftoverStorageSweeper.claim(own)) {
			assertThat(own.resolve(LeftoverStorageSweeper.LOCK)).isRegularFile();
			try (var files = Files.list(own)) {
				assertThat(files.map(p -> p.getFileName().toString()))
						.containsExactlyInAnyOrder("bundle1", LeftoverStorageSweeper.LOCK);
			}
		}
	}

	private Path storage(String name) throws Exception {
		Path storage = Files.createDirectories(temp.resolve(name).resolve("bundle1"));
		Files.write(storage.resolve("bundle.jar"), new byte[4096]);
		return storage.getParent();
	}

	/** A second JVM that claims {@code storage} and holds it until it is killed. */
	private static Process holdInAnotherProcess(Path storage) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				HoldStorage.class.getName(), storage.toString()).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
		assertThat(out.readLine()).isEqualTo("held");
		return holder;
	}

	static final class HoldStorage {
		public static void main(String[] arguments) throws Exception {
			try (FileChannel lock = LeftoverStorageSweeper.claim(Path.of(arguments[0]))) {
				System.out.println("held");
				System.out.flush();
				Thread.sleep(TimeUnit.MINUTES.toMillis(5));
			}
		}
	}
}
