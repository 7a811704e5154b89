var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();
builder.AddChatBilling();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatIdentity();
app.MapChatApi();

await app.RunServiceAsync(args);
