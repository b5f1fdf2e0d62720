#include "api/reflection_service.h"

#include <set>

#include "api/grpc_status.h"
#include "api/request_auth.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"

namespace journeydesk::api {
namespace {

namespace reflection = grpc::reflection::v1alpha;
using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptor;

void SetError(reflection::ServerReflectionResponse& response, grpc::StatusCode code,
              const std::string& message) {
  response.mutable_error_response()->set_error_code(code);
  response.mutable_error_response()->set_error_message(message);
}

// The file and every file it imports, each once, dependencies first.
void AddFileWithDependencies(const FileDescriptor* file, std::set<std::string>& sent,
                             reflection::FileDescriptorResponse& out) {
  if (file == nullptr || !sent.insert(file->name()).second) return;
  for (int i = 0; i < file->dependency_count(); ++i) AddFileWithDependencies(file->dependency(i), sent, out);
  google::protobuf::FileDescriptorProto proto;
  file->CopyTo(&proto);
  proto.SerializeToString(out.add_file_descriptor_proto());
}

void Answer(const reflection::ServerReflectionRequest& request, const std::vector<std::string>& services,
            reflection::ServerReflectionResponse& response) {
  const DescriptorPool* pool = DescriptorPool::generated_pool();
  std::set<std::string> sent;
  switch (request.message_request_case()) {
    case reflection::ServerReflectionRequest::kListServices:
      for (const std::string& name : services) response.mutable_list_services_response()->add_service()->set_name(name);
      return;
    case reflection::ServerReflectionRequest::kFileByFilename: {
      const FileDescriptor* file = pool->FindFileByName(request.file_by_filename());
      if (file == nullptr) return SetError(response, grpc::StatusCode::NOT_FOUND, "file not found");
      return AddFileWithDependencies(file, sent, *response.mutable_file_descriptor_response());
    }
    case reflection::ServerReflectionRequest::kFileContainingSymbol: {
      const FileDescriptor* file = pool->FindFileContainingSymbol(request.file_containing_symbol());
      if (file == nullptr) return SetError(response, grpc::StatusCode::NOT_FOUND, "symbol not found");
      return AddFileWithDependencies(file, sent, *response.mutable_file_descriptor_response());
    }
    case reflection::ServerReflectionRequest::kFileContainingExtension: {
      const auto& wanted = request.file_containing_extension();
      const auto* type = pool->FindMessageTypeByName(wanted.containing_type());
      const auto* extension = type ? pool->FindExtensionByNumber(type, wanted.extension_number()) : nullptr;
      if (extension == nullptr) return SetError(response, grpc::StatusCode::NOT_FOUND, "extension not found");
      return AddFileWithDependencies(extension->file(), sent, *response.mutable_file_descriptor_response());
    }
    case reflection::ServerReflectionRequest::kAllExtensionNumbersOfType: {
      const auto* type = pool->FindMessageTypeByName(request.all_extension_numbers_of_type());
      if (type == nullptr) return SetError(response, grpc::StatusCode::NOT_FOUND, "type not found");
      std::vector<const google::protobuf::FieldDescriptor*> extensions;
      pool->FindAllExtensions(type, &extensions);
      auto* numbers = response.mutable_all_extension_numbers_response();
      numbers->set_base_type_name(type->full_name());
      for (const auto* extension : extensions) numbers->add_extension_number(extension->number());
      return;
    }
    default:
      return SetError(response, grpc::StatusCode::UNIMPLEMENTED, "unknown reflection request");
  }
}

}  // namespace

grpc::Status AuthenticatedReflectionService::ServerReflectionInfo(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<reflection::ServerReflectionResponse, reflection::ServerReflectionRequest>*
        stream) {
  using store::Role;
  absl::StatusOr<auth::Caller> caller =
      AuthorizeCall(authenticator_, *context,
                    {Role::kAgent, Role::kSupervisor, Role::kAdmin, Role::kIntegration}, "ServerReflectionInfo");
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  reflection::ServerReflectionRequest request;
  while (stream->Read(&request)) {
    reflection::ServerReflectionResponse response;
    response.set_valid_host(request.host());
    *response.mutable_original_request() = request;
    Answer(request, service_names_, response);
    if (!stream->Write(response)) break;
  }
  return grpc::Status::OK;
}

}  // namespace journeydesk::api
