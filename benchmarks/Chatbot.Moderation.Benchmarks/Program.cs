using Chatbot.Moderation.Benchmarks;

// Measure section of issue 7: in-process input check for a 2,000-character message, and the output guard per token;
// issue 25: what the output guard adds to time to first token at one stream. Run in Release: dotnet run -c Release --project benchmarks/Chatbot.Moderation.Benchmarks [iterations]
var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
Console.WriteLine($"Chatbot.Moderation benchmarks, {iterations} iterations, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
InputCheckBenchmark.Run(iterations);
PiiBenchmark.Run(iterations);
OutputGuardBenchmark.Run(iterations / 10);
FirstTokenBenchmark.Run(Math.Max(1, iterations / 20));
