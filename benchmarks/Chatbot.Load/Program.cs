using Chatbot.Load;
using Chatbot.Load.Workers;

// Load tool of issue 5; usage in LoadOptions.Usage and docs/benchmarks.md ("Load (issue 5)").
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}\n\n{LoadOptions.Usage}");
    return 2;
}
if (options.Has("help"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}
if (options.String("worker") == "sse")
{
    return await SseWorker.RunAsync(options);
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await LoadRunner.RunAsync(options, cancel.Token);
