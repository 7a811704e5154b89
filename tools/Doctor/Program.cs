using Chatbot.Doctor;
using Chatbot.Doctor.Reporting;
using Spectre.Console;

var (options, error) = DoctorOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}
using var http = DoctorClients.Http();
var context = new DoctorContext(options, http, DoctorClients.Dns(options));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var results = await DoctorRun.RunAsync(context, stop.Token);
if (options.Json)
{
    Console.WriteLine(JsonReport.Write(options.Target, results));
}
else
{
    TableReport.Write(AnsiConsole.Console, options.Target, results);
}
return DoctorRun.ExitCode(results);
