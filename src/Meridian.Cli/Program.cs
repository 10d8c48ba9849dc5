// SPDX-License-Identifier: MIT
using Meridian.Cli;

return args switch
{
    ["check", var directory] => CheckCommand.Run(directory, Console.Out, Console.Error),
    ["check"] => CheckCommand.Run("services", Console.Out, Console.Error),
    ["--help" or "-h" or "help"] => Usage(Console.Out, 0),
    _ => Usage(Console.Error, 2),
};

static int Usage(TextWriter writer, int exitCode)
{
    writer.WriteLine("""
        usage: meridian check [DIR]    check the service definitions in DIR (default: services)

        Exit codes: 0 all definitions are valid; 1 some are broken (each problem printed as file:line: reason);
        2 the command line is wrong.
        """);
    return exitCode;
}
