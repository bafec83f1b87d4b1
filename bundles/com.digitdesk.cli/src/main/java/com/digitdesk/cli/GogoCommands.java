package com.digitdesk.cli;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The launcher's commands in the Gogo shell: {@code digitdesk:run status},
 * {@code digitdesk:commands}. Gogo finds the methods by the
 * {@code osgi.command.function} names; no Gogo API is needed.
 */
@Component(service = GogoCommands.class, property = { "osgi.command.scope=digitdesk",
		"osgi.command.function=run", "osgi.command.function=commands" })
public class GogoCommands {

	private final CommandDispatcher dispatcher;

	@Activate
	public GogoCommands(@Reference CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

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
