// SPDX-License-Identifier: MIT
using Meridian.Cli;
using Meridian.Cli.Client;

return args switch
{
    ["check", var directory] => CheckCommand.Run(directory, Console.Out, Console.Error),
    ["check"] => CheckCommand.Run("services", Console.Out, Console.Error),
    ["--help" or "-h" or "help"] => Usage(Console.Out, 0),
    ["users", .. var rest] => UsersCommand.Run(rest, Console.In, Console.Out, Console.Error),
    ["services" or "submit" or "list" or "show" or "wait" or "abort" or "delete" or "results", ..] => await ClientCommands.RunAsync(args, Console.Out, Console.Error),
    _ => Usage(Console.Error, 2),
};

static int Usage(TextWriter writer, int exitCode)
{
    writer.WriteLine("""
        usage: meridian check [DIR]                      check the service definitions in DIR (default: services)
               meridian services SERVER                  the services of a Meridian server (http://host:8080)
               meridian submit JOBLIST [name=value | name=@file]... [--run | --wait]
               meridian list JOBLIST [--phase P]... [--after INSTANT] [--last N]
               meridian show JOB
               meridian wait JOB [--timeout SECONDS]     block until the job ends (exit 0 when COMPLETED)
               meridian abort JOB | delete JOB
               meridian results JOB [--out DIR]          list the results; with --out, download them
               meridian users add NAME [--admin] [--password-stdin] | token NAME | remove NAME | list  [--file FILE]
                                                        manage the server's users file (default users.json); add and token print a new API token
        Client options: --json (machine-readable output), --token TOKEN (sent as a Bearer token).

        Exit codes: 0 done; 1 broken definitions, a refusal from the server (its reason printed), or a job that did not
        complete; 2 the command line is wrong.
        """);
    return exitCode;
}
