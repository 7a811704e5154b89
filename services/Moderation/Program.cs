var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddModerationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapModerationApi();

await app.RunServiceAsync(args);
