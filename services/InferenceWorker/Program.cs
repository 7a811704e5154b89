using Chatbot.Simulator;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInferenceWorkerServices();

var app = builder.Build();
app.UseServiceDefaults();

app.MapDefaultEndpoints();
app.MapSimulatorApi();

await app.RunServiceAsync(args);
