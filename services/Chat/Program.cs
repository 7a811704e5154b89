var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatApi();

await app.RunServiceAsync(args);
