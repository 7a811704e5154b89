var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();
builder.AddChatWeb();
builder.AddChatBilling();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatIdentity();
app.UseChatWeb();
app.MapChatApi();

await app.RunServiceAsync(args);
