package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.ResultReadout;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;

/**
 * Every results store is a component configured through Configuration
 * Admin: the default one, and one per URL a command names with
 * {@code --db}, registered under the narrow contracts as well as the whole
 * one, and gone when its configuration or its driver goes.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class StoreServicesTest {

	static final String FACTORY_PID = "com.digitdesk.store.jdbc";
	static final List<String> CONTRACTS = List.of(ResultStore.class.getName(), DocumentIngest.class.getName(),
			FieldReview.class.getName(), ResultReadout.class.getName());

	@InjectBundleContext
	BundleContext context;

	@InjectService(timeout = 20000)
	ResultStores stores;

	@InjectService(timeout = 20000)
	ConfigurationAdmin configurationAdmin;

	@TempDir
	Path work;

	@Test
	void theDefaultStoreIsRegisteredUnderAllFourContracts(
			@InjectService(filter = "(default=true)", timeout = 20000) ServiceAware<ResultStore> whole,
			@InjectService(filter = "(default=true)", timeout = 20000) ServiceAware<DocumentIngest> ingest,
			@InjectService(filter = "(default=true)", timeout = 20000) ServiceAware<FieldReview> review,
			@InjectService(filter = "(default=true)", timeout = 20000) ServiceAware<ResultReadout> readout) {
		ServiceReference<ResultStore> reference = whole.getServiceReference();
		assertThat((String[]) reference.getProperty(Constants.OBJECTCLASS)).containsExactlyInAnyOrderElementsOf(
				CONTRACTS);
		assertThat(ingest.getServiceReference()).isEqualTo(reference);
		assertThat(review.getServiceReference()).isEqualTo(reference);
		assertThat(readout.getServiceReference()).isEqualTo(reference);
		assertThat(whole.getServices()).hasSize(1);
	}

	@Test
	void aUrlGetsAConfiguredStoreUnderTheNarrowContractsSharedByEveryCaller() throws Exception {
		String url = "jdbc:h2:file:" + work.resolve("store/results");
		ResultStore store = stores.store(url);
		assertThat(store.summary().documents()).isZero();
		assertThat(stores.store(" " + url + " ")).as("the second call").isSameAs(store);

		ServiceReference<?> reference = only(ResultStore.class, url);
		assertThat(reference.getProperty("service.factoryPid")).isEqualTo(FACTORY_PID);
		assertThat((String[]) reference.getProperty(Constants.OBJECTCLASS)).containsExactlyInAnyOrderElementsOf(
				CONTRACTS);
		for (Class<?> contract : List.of(DocumentIngest.class, FieldReview.class, ResultReadout.class)) {
			assertThat(only(contract, url)).as(contract.getSimpleName()).isEqualTo(reference);
		}
		assertThat(reference.getProperty("default")).as("not the default store").isNull();

		Configuration[] configurations = configurationAdmin.listConfigurations(
				"(&(service.factoryPid=" + FACTORY_PID + ")(url=" + url + "))");
		assertThat(configurations).hasSize(1);
		assertThat(configurations[0].getPid()).isEqualTo(reference.getProperty(Constants.SERVICE_PID));
	}

	@Test
	void aPasswordInTheUrlReachesTheStoreButNeitherItsServiceNorItsConfiguration() throws Exception {
		String base = "jdbc:h2:file:" + work.resolve("locked/results") + ";USER=clerk";
		ResultStore store = stores.store(base + ";PASSWORD=Qz8-never-shown");
		assertThat(store.summary().documents()).isZero();
		ServiceReference<?> reference = only(ResultStore.class, base);
		for (String key : reference.getPropertyKeys()) {
			assertThat(String.valueOf(reference.getProperty(key))).as(key).doesNotContain("Qz8-never-shown");
		}
		// nor in its configuration: Configuration Admin logs a configuration's properties at DEBUG
		Configuration configuration = configurationAdmin.getConfiguration(
				(String) reference.getProperty(Constants.SERVICE_PID), null);
		for (String key : java.util.Collections.list(configuration.getProperties().keys())) {
			assertThat(String.valueOf(configuration.getProperties().get(key))).as(key)
					.doesNotContain("Qz8-never-shown");
		}
		assertThat(stores.store(base + ";PASSWORD=Qz8-never-shown")).isSameAs(store);

		assertThatThrownBy(() -> stores.store(base + ";PASSWORD=Wr0ng")).isInstanceOf(StoreException.class)
				.hasMessageStartingWith("opening the store at " + base + ": ").hasMessageNotContaining("Wr0ng")
				.hasMessageNotContaining("Qz8-never-shown");
	}

	@Test
	void aConfigurationDeletedThroughConfigurationAdminTakesItsStoreAway() throws Exception {
		String url = "jdbc:h2:file:" + work.resolve("deleted/results");
		ResultStore store = stores.store(url);
		ServiceReference<?> reference = only(ResultStore.class, url);
		configurationAdmin.getConfiguration((String) reference.getProperty(Constants.SERVICE_PID), null).delete();
		awaitGone(url);
		// The service goes first; the component is deactivated, and its store closed, right after.
		awaitClosed(store);
		assertThatThrownBy(store::summary).isInstanceOf(StoreException.class).hasMessageContaining("is closed");

		ResultStore again = stores.store(url);
		assertThat(again).isNotSameAs(store);
		assertThat(again.summary().documents()).isZero();
	}

	@Test
	void aStoreGoesWithItsDriverAndComesBackWithIt() throws Exception {
		String url = "jdbc:h2:file:" + work.resolve("driver/results");
		ResultStore store = stores.store(url);
		Bundle h2 = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals("com.h2database"))
				.findFirst().orElseThrow();
		h2.stop();
		try {
			awaitGone(url);
			assertThat(context.getServiceReferences(ResultStore.class, "(default=true)")).as("the default store")
					.isEmpty();
			assertThatThrownBy(store::summary).isInstanceOf(StoreException.class);
			assertThatThrownBy(() -> stores.store(url)).isInstanceOf(StoreException.class).hasMessage("cannot open "
					+ url + ": no JDBC driver org.h2.Driver is installed (a bundle that registers a "
					+ "DataSourceFactory with osgi.jdbc.driver.class=org.h2.Driver)");
		} finally {
			h2.start();
		}
		ResultStore again = stores.store(url);
		assertThat(again.summary().documents()).isZero();
		assertThat(awaitDefault()).isNotNull();
	}

	@Test
	void aUrlOfAnotherDatabaseIsRefusedByName() {
		assertThatThrownBy(() -> stores.store("jdbc:mysql://db.example/results")).isInstanceOf(StoreException.class)
				.hasMessage("cannot open jdbc:mysql://db.example/results: only jdbc:h2: and jdbc:postgresql: URLs "
						+ "are supported");
	}

	/** The one service of {@code contract} with this URL. */
	ServiceReference<?> only(Class<?> contract, String url) throws Exception {
		Collection<? extends ServiceReference<?>> found = context.getServiceReferences(contract, "(url=" + url + ")");
		assertThat(found).as("%s services with url %s", contract.getSimpleName(), url).hasSize(1);
		return found.iterator().next();
	}

	void awaitGone(String url) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!context.getServiceReferences(ResultStore.class, "(url=" + url + ")").isEmpty()) {
			assertThat(System.nanoTime()).as("the store of %s went", url).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	static void awaitClosed(ResultStore store) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			try {
				store.summary();
			} catch (StoreException e) {
				return;
			}
			assertThat(System.nanoTime()).as("the store was closed").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	ServiceReference<ResultStore> awaitDefault() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			Collection<ServiceReference<ResultStore>> found = context.getServiceReferences(ResultStore.class,
					"(default=true)");
			if (!found.isEmpty()) {
				return found.iterator().next();
			}
			assertThat(System.nanoTime()).as("the default store came back").isLessThan(deadline);
			Thread.sleep(50);
		}
	}
}
