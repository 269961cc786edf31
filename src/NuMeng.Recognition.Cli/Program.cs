using NuMeng.Recognition.Cli;

return await PreCheckCommand.RunAsync(args, Console.In, Console.Out, Console.Error, DateOnly.FromDateTime(DateTime.Now));
