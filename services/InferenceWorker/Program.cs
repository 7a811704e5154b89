var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInferenceWorkerServices();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunServiceAsync(args);
