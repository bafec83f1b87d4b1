package com.digitdesk.recognizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.store.ModelFollowing;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.recognizer.model.ModelFiles;

/**
 * Puts this runtime's recognizer on a store's current model version: its
 * graph and card are written into this bundle's data area (each file whole or
 * not at all, the graph checked against the store's SHA-256 and the card) and
 * the recognizer's configuration is pointed at them, so it switches in place,
 * without a restart. A model that does not check out is never configured.
 * Commands ask for this before they read ({@link ModelFollowing}); with
 * {@code followStore} set, a store is also watched and a promotion on another
 * workstation reaches this one within {@code pollSeconds}. When a store has
 * no versions, the recognizer goes back to the model it had before it first
 * followed one.
 */
@Component(immediate = true, configurationPid = StoreModelFollower.PID)
@Designate(ocd = StoreModelFollower.Settings.class)
public final class StoreModelFollower implements ModelFollowing {

	static final String PID = "com.digitdesk.models";
	/** The recognizer's own model location, kept in its configuration while it follows a store's. */
	static final String OWN_MODEL = "ownModelLocation";
	private static final long SWITCH_MILLIS = 60_000;

	private static final Logger LOG = LoggerFactory.getLogger(StoreModelFollower.class);

	@ObjectClassDefinition(name = "DigitDesk model versions", description = "Which store's current model version "
			+ "the recognizer reads with")
	public @interface Settings {
		@AttributeDefinition(description = "Watch the store's current model version and read with it (off: the "
				+ "version is taken when a command asks for it). Off unless set: watching keeps the store open, "
				+ "and an embedded store serves one process at a time")
		boolean followStore() default false;

		@AttributeDefinition(required = false, description = "JDBC URL of the store whose current model is "
				+ "watched; empty: the default store")
		String storeUrl() default "";

		@AttributeDefinition(min = "1", description = "Seconds between looks at the watched store's current version")
		int pollSeconds() default 15;
	}

	private final ResultStores stores;
	private final ConfigurationAdmin configurations;
	private final DigitRecognizer recognizer;
	private final BundleContext context;
	private final Path directory;
	private final String watched;
	private final ScheduledExecutorService looker;

	@Activate
	public StoreModelFollower(@Reference ResultStores stores, @Reference ConfigurationAdmin configurations,
			@Reference(target = "(recognizer=cnn)") DigitRecognizer recognizer, BundleContext context,
			Settings settings) {
		this.stores = stores;
		this.configurations = configurations;
		this.recognizer = recognizer;
		this.context = context;
		this.directory = context.getDataFile("store-models").toPath();
		this.watched = settings.storeUrl().isBlank() ? stores.defaultUrl() : settings.storeUrl();
		this.looker = Executors.newSingleThreadScheduledExecutor(work -> {
			Thread thread = new Thread(work, "digitdesk-model-follower");
			thread.setDaemon(true);
			return thread;
		});
		if (settings.followStore()) {
			looker.scheduleWithFixedDelay(this::look, 0, Math.max(1, settings.pollSeconds()), TimeUnit.SECONDS);
		}
	}

	@Deactivate
	void stop() throws InterruptedException {
		looker.shutdownNow();
		looker.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Override
	public synchronized Optional<ModelVersion> readWithCurrentModel(String storeUrl) throws StoreException {
		String url = storeUrl == null || storeUrl.isBlank() ? stores.defaultUrl() : storeUrl;
		Optional<ModelVersion> current = stores.store(url).currentModel();
		try {
			if (current.isPresent()) {
				configure(url, current.get());
			} else {
				restoreOwnModel();
			}
		} catch (IOException e) {
			throw new StoreException("the recognizer cannot take the current model of " + url + ": "
					+ e.getMessage(), e);
		}
		return current;
	}

	/** One look at the watched store; a store that cannot be read now is looked at again next time. */
	private void look() {
		try {
			readWithCurrentModel(watched);
		} catch (StoreException | RuntimeException e) {
			LOG.warn("Could not follow the current model of {}: {}", watched, e.getMessage());
		}
	}

	private void configure(String url, ModelVersion version) throws StoreException, IOException {
		Path base = directory.resolve(version.version() + "-" + version.sha256().substring(0, 12));
		Configuration configuration = configurations.getConfiguration(RecognizerConfiguration.PID, "?");
		Dictionary<String, Object> properties = copy(configuration.getProperties());
		if (base.toString().equals(properties.get("modelLocation")) && Files.isRegularFile(ModelFiles.cardFile(base))
				&& readsWith(version.sha256())) {
			return;
		}
		unpack(url, version, base);
		if (properties.get(OWN_MODEL) == null) {
			Object own = properties.get("modelLocation");
			properties.put(OWN_MODEL, own == null ? "" : own);
		}
		properties.put("modelLocation", base.toString());
		configuration.update(properties);
		awaitSwitch(version.sha256(), "model " + version.version() + " of " + url);
		LOG.info("The recognizer reads with model {} of {}", version.version(), url);
	}

	/** Back to the model the recognizer had before it followed a store's, if it follows one. */
	private void restoreOwnModel() throws IOException {
		Configuration configuration = configurations.getConfiguration(RecognizerConfiguration.PID, "?");
		Dictionary<String, Object> properties = copy(configuration.getProperties());
		Object own = properties.remove(OWN_MODEL);
		if (own == null) {
			return;
		}
		String location = own.toString();
		String sha;
		try {
			sha = location.isBlank()
					? BundledModels.load(context.getDataFile("model").toPath(), BundledModels.DEFAULT_NAME).sha256()
					: ModelFiles.load(Path.of(location)).sha256();
		} catch (RecognitionException e) {
			throw new IOException("the recognizer's own model does not load: " + e.getMessage(), e);
		}
		if (location.isBlank()) {
			properties.remove("modelLocation");
		} else {
			properties.put("modelLocation", location);
		}
		configuration.update(properties);
		awaitSwitch(sha, "its own model");
		LOG.info("The recognizer reads with its own model again");
	}

	private boolean readsWith(String sha256) {
		return recognizer.info().modelId().startsWith(sha256);
	}

	/** The recognizer takes a new configuration on Configuration Admin's thread: wait for it. */
	private void awaitSwitch(String sha256, String what) throws IOException {
		long deadline = System.nanoTime() + SWITCH_MILLIS * 1_000_000;
		while (!readsWith(sha256)) {
			if (System.nanoTime() > deadline) {
				throw new IOException("the recognizer did not take " + what + " within " + SWITCH_MILLIS / 1000
						+ " s (its log says why)");
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while the recognizer took " + what, e);
			}
		}
	}

	private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
		Dictionary<String, Object> copy = new Hashtable<>();
		if (properties != null) {
			for (var keys = properties.keys(); keys.hasMoreElements();) {
				String key = keys.nextElement();
				copy.put(key, properties.get(key));
			}
		}
		return copy;
	}

	/** The version's graph and card on disk, checked as the recognizer checks them before it is told. */
	private void unpack(String url, ModelVersion version, Path base) throws StoreException, IOException {
		Files.createDirectories(directory);
		if (!Files.isRegularFile(ModelFiles.graphFile(base))) {
			write(ModelFiles.graphFile(base), stores.store(url).modelGraph(version.version()));
		}
		write(ModelFiles.cardFile(base), version.card().getBytes(StandardCharsets.UTF_8));
		try {
			ModelFiles.load(base);
		} catch (RecognitionException e) {
			throw new IOException("model " + version.version() + " does not check out: " + e.getMessage(), e);
		}
	}

	private static void write(Path target, byte[] bytes) throws IOException {
		Path temporary = Files.createTempFile(target.getParent(), ".model-", ".tmp");
		try {
			Files.write(temporary, bytes);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
