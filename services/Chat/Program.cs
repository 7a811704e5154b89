var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunServiceAsync(args);
