package com.digitdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the framework storage that killed runs of the exported runtime
 * left behind. The launcher gives every run a fresh storage directory
 * ({@code osgi.*.fw} in the temporary directory, about 280 MB with the
 * bundles copied in) and deletes it when the JVM exits, which a
 * {@code kill -9} never lets it do: every killed import would leave one.
 *
 * <p>Each run holds a lock on {@value #LOCK} in its own storage for as long
 * as it lives, and the operating system drops the lock when the process dies,
 * however it dies. At start, every sibling storage whose lock can be taken
 * belongs to a dead run and is deleted; one without the lock file is not
 * ours and is left alone. Only runtimes that set {@value LauncherMain#ENABLE}
 * do this: inside another launcher the storage is not ours to manage.
 */
@Component(immediate = true)
public class LeftoverStorageSweeper {

	static final String LOCK = "digitdesk.lock";
	private static final Logger LOG = LoggerFactory.getLogger(LeftoverStorageSweeper.class);

	private FileChannel ownLock;

	@Activate
	public LeftoverStorageSweeper(BundleContext context) {
		String storage = context.getProperty(Constants.FRAMEWORK_STORAGE);
		if (Boolean.parseBoolean(context.getProperty(LauncherMain.ENABLE)) && storage != null) {
			Path own = Path.of(storage).toAbsolutePath();
			try {
				ownLock = claim(own);
				for (Path left : sweep(own)) {
					LOG.info("removed the framework storage of a run that was killed: {}", left);
				}
			} catch (IOException | UncheckedIOException e) {
				LOG.warn("could not check for framework storage left by killed runs next to {}: {}", own, e.toString());
			}
		}
	}

	@Deactivate
	void deactivate() throws IOException {
		if (ownLock != null) {
			ownLock.close();
		}
	}

	/**
	 * Locks {@value #LOCK} in {@code storage} and keeps it locked while the
	 * returned channel is open. The file is locked under another name and
	 * then renamed, so no one ever finds it unlocked while its run lives.
	 */
	static FileChannel claim(Path storage) throws IOException {
		Path pending = Files.createTempFile(storage, LOCK, ".pending");
		FileChannel channel = FileChannel.open(pending, StandardOpenOption.WRITE);
		try {
			channel.lock();
			Files.move(pending, storage.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
			return channel;
		} catch (IOException e) {
			channel.close();
			Files.deleteIfExists(pending);
			throw e;
		}
	}

	/**
	 * Deletes the storages next to {@code own} whose runs have died; returns
	 * them. One that cannot be checked or deleted (another user's) is left.
	 */
	static List<Path> sweep(Path own) throws IOException {
		List<Path> removed = new ArrayList<>();
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(own.getParent(), "osgi.*.fw")) {
			for (Path sibling : siblings) {
				if (sibling.equals(own) || !Files.isRegularFile(sibling.resolve(LOCK)) || !runHasDied(sibling)) {
					continue;
				}
				try {
					deleteTree(sibling);
					removed.add(sibling);
				} catch (IOException e) {
					LOG.warn("could not remove the framework storage of a run that was killed: {}", e.toString());
				}
			}
		}
		return removed;
	}

	private static boolean runHasDied(Path storage) {
		try (FileChannel channel = FileChannel.open(storage.resolve(LOCK), StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			return lock != null;
		} catch (OverlappingFileLockException heldInThisJvm) {
			return false;
		} catch (IOException notOurs) {
			return false;
		}
	}

	/** Deletes a dead run's storage, its lock file last: a sweep cut short is finished by the next. */
	private static void deleteTree(Path root) throws IOException {
		Path lock = root.resolve(LOCK);
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.filter(p -> !p.equals(root) && !p.equals(lock)).sorted(Comparator.reverseOrder())
					.toList()) {
				Files.deleteIfExists(path);
			}
		}
		Files.deleteIfExists(lock);
		Files.deleteIfExists(root);
	}
}
