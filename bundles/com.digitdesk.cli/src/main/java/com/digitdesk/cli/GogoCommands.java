package com.digitdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.Subcommand;

/**
 * The launcher's commands in the Gogo shell: {@code digitdesk:run status},
 * {@code digitdesk:commands}. Gogo finds the methods by the
 * {@code osgi.command.function} names; no Gogo API is needed.
 */
// Gogo looks commands up by these properties, whatever the service's type
@Component(service = Object.class, property = { "osgi.command.scope=digitdesk", "osgi.command.function=run",
		"osgi.command.function=commands" })
public class GogoCommands {

	/** The commands the bundles offer, with their service properties. */
	@Reference(service = Subcommand.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile List<Map.Entry<Map<String, Object>, Subcommand>> commands = List.of();

	private final CommandDispatcher dispatcher = new CommandDispatcher(() -> commands);

	/** Runs one digitdesk command with its arguments; returns its exit status. */
	public int run(String command, String... arguments) {
		List<String> line = new ArrayList<>();
		line.add(command);
		line.addAll(List.of(arguments));
		return dispatcher.dispatch(line, System.out, System.err, true);
	}

	/** Lists the digitdesk commands. */
	public void commands() {
		System.out.print(dispatcher.help());
	}
}
