// Light common include for components that use Asio coroutines.
#pragma once
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/any_io_executor.hpp>

namespace voki {
namespace asio = boost::asio;
template <typename T = void>
using Task = boost::asio::awaitable<T>;
}  // namespace voki
