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

import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.recognizer.model.ModelFiles;

/**
 * Keeps this runtime's recognizer on the store's current model version: when
 * the store's current version is not the one the recognizer is configured
 * with, its graph and card are written into this bundle's data area (each
 * file whole or not at all, the graph checked against the store's SHA-256
 * and the card) and the recognizer's configuration is pointed at them, so
 * it switches without a restart. A model that does not check out is never
 * configured.
 */
@Component(immediate = true, configurationPid = StoreModelFollower.PID)
@Designate(ocd = StoreModelFollower.Settings.class)
public final class StoreModelFollower {

	static final String PID = "com.digitdesk.models";

	private static final Logger LOG = LoggerFactory.getLogger(StoreModelFollower.class);

	@ObjectClassDefinition(name = "DigitDesk model versions", description = "Which store's current model version "
			+ "the recognizer reads with")
	public @interface Settings {
		@AttributeDefinition(description = "Read with the store's current model version (off: the recognizer's "
				+ "own modelLocation setting alone decides). Off unless set: following opens the store, and an "
				+ "embedded store serves one process at a time")
		boolean followStore() default false;

		@AttributeDefinition(required = false, description = "JDBC URL of the store whose current model is "
				+ "followed; empty: the default store")
		String storeUrl() default "";

		@AttributeDefinition(min = "1", description = "Seconds between looks at the store's current version (a "
				+ "promotion on another workstation reaches this one within that time)")
		int pollSeconds() default 15;
	}

	private final ResultStores stores;
	private final ConfigurationAdmin configurations;
	private final Path directory;
	private final String url;
	private final ScheduledExecutorService looker;

	@Activate
	public StoreModelFollower(@Reference ResultStores stores, @Reference ConfigurationAdmin configurations,
			BundleContext context, Settings settings) {
		this.stores = stores;
		this.configurations = configurations;
		this.directory = context.getDataFile("store-models").toPath();
		this.url = settings.storeUrl().isBlank() ? stores.defaultUrl() : settings.storeUrl();
		this.looker = Executors.newSingleThreadScheduledExecutor(work -> {
			Thread thread = new Thread(work, "digitdesk-model-follower");
			thread.setDaemon(true);
			return thread;
		});
		if (settings.followStore()) {
			looker.scheduleWithFixedDelay(this::follow, 0, Math.max(1, settings.pollSeconds()), TimeUnit.SECONDS);
		}
	}

	@Deactivate
	void stop() throws InterruptedException {
		looker.shutdownNow();
		looker.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** One look at the store; a store that cannot be read now is looked at again next time. */
	private void follow() {
		try {
			Optional<ModelVersion> current = stores.store(url).currentModel();
			if (current.isPresent()) {
				configure(current.get());
			}
		} catch (StoreException | IOException | RuntimeException e) {
			LOG.warn("Could not follow the current model of {}: {}", url, e.getMessage());
		}
	}

	private void configure(ModelVersion version) throws StoreException, IOException {
		Path base = directory.resolve(version.version() + "-" + version.sha256().substring(0, 12));
		Configuration configuration = configurations.getConfiguration(RecognizerConfiguration.PID, "?");
		Dictionary<String, Object> properties = configuration.getProperties();
		if (properties != null && base.toString().equals(properties.get("modelLocation"))
				&& Files.isRegularFile(ModelFiles.cardFile(base))) {
			return;
		}
		unpack(version, base);
		Dictionary<String, Object> updated = new Hashtable<>();
		if (properties != null) {
			for (var keys = properties.keys(); keys.hasMoreElements();) {
				String key = keys.nextElement();
				updated.put(key, properties.get(key));
			}
		}
		updated.put("modelLocation", base.toString());
		configuration.update(updated);
		LOG.info("The recognizer reads with model {} of {} from now on", version.version(), url);
	}

	/** The version's graph and card on disk, checked as the recognizer checks them before it is told. */
	private void unpack(ModelVersion version, Path base) throws StoreException, IOException {
		Files.createDirectories(directory);
		if (!Files.isRegularFile(ModelFiles.graphFile(base))) {
			write(ModelFiles.graphFile(base), stores.store(url).modelGraph(version.version()));
		}
		write(ModelFiles.cardFile(base), version.card().getBytes(StandardCharsets.UTF_8));
		try {
			ModelFiles.load(base);
		} catch (com.digitdesk.api.recognition.RecognitionException e) {
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
