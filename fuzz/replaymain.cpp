// The main() of a fuzz target's corpus replay: a plain build (any compiler,
// no libFuzzer) that feeds every file of the given files and folders to
// LLVMFuzzerTestOneInput once. CTest runs it on fuzz/corpus/<target> in
// every build, so the seeds and every crash ever found stay regression tests.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(path)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
        } else if (std::filesystem::is_regular_file(path, error)) {
            files.push_back(path);
        } else {
            std::fprintf(stderr, "replay: %s is neither a file nor a folder\n", argv[i]);
            return 2;
        }
    }
    // A replay that runs nothing proves nothing: an empty or missing corpus
    // is a failure, not a pass.
    if (files.empty()) {
        std::fprintf(stderr, "replay: no input files\n");
        return 2;
    }
    std::sort(files.begin(), files.end()); // stable order, readable logs
    for (const auto &file : files) {
        const std::string data = readFile(file);
        // A copy of exactly the file's size, as libFuzzer passes it, so that
        // ASan catches a read past the end in the replay build too.
        const std::vector<std::uint8_t> input(data.begin(), data.end());
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), input.size());
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    std::printf("replay: %zu inputs, no invariant failed\n", files.size());
    return 0;
}
