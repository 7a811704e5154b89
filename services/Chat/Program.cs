var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();
builder.AddChatModeration();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatIdentity();
app.MapChatApi();
app.MapChatModeration();

await app.RunServiceAsync(args);
