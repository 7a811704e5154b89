var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatIdentity();

await app.RunServiceAsync(args);
