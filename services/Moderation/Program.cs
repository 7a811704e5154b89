var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddModerationServices();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunServiceAsync(args);
