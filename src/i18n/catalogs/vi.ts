/**
 * Vietnamese interface texts, the default catalog. Placeholders in braces are filled by
 * `translate`; every key here must also exist in the English catalog.
 */
export const vi = {
  'app.name': 'Tây Bắc 360',
  'app.loading': 'Đang tải…',
  'app.loadingTour': 'Đang tải tour…',
  'app.webglUnavailable':
    'Trình duyệt này không hiển thị được đồ họa 3D (WebGL). Hãy thử trình duyệt khác hoặc bật tăng tốc phần cứng.',

  'tour.loadFailed': 'Không tải được tour',
  'tour.error.http': 'Máy chủ trả về mã {status} cho {url}.',
  'tour.error.network': 'Không kết nối được tới {url}.',
  'tour.error.json': 'Tệp tour không phải JSON hợp lệ.',
  'tour.error.jsonAt': 'Tệp tour không phải JSON hợp lệ: lỗi ở dòng {line}, cột {column}.',
  'tour.invalid.title': 'Tệp tour có lỗi nên chưa thể mở',
  'tour.invalid.intro': 'Tệp {url} có {count} lỗi. Hãy sửa các lỗi dưới đây rồi tải lại trang.',
  'tour.invalid.warnings': 'Cảnh báo (không chặn việc mở tour)',
  'tour.retry': 'Tải lại',
  'tour.openSample': 'Mở tour mẫu',

  'problem.where.tour': 'Tour',
  'problem.where.scene': 'Cảnh “{scene}”',
  'problem.where.hotspot': 'Cảnh “{scene}”, điểm “{hotspot}”',
  'problem.where.offer': 'Ưu đãi “{offer}”',
  'problem.invalid-json': 'tệp không phải JSON hợp lệ: {value}.',
  'problem.not-an-object': 'nội dung tệp phải là một đối tượng JSON, nhưng lại là {value}.',
  'problem.unknown-version':
    'phiên bản {value} không được hỗ trợ; ứng dụng này đọc phiên bản {expected}.',
  'problem.missing-field': 'thiếu trường “{field}”.',
  'problem.invalid-type': 'trường “{field}” có giá trị {value}, cần {expected}.',
  'problem.out-of-range': 'trường “{field}” = {value} nằm ngoài khoảng {expected}.',
  'problem.invalid-id':
    'mã {value} ở “{field}” không hợp lệ: chỉ dùng chữ cái, chữ số, “.”, “_” và “-”.',
  'problem.invalid-value': 'trường “{field}” có giá trị {value}, cần một trong: {expected}.',
  'problem.invalid-locale': 'mã ngôn ngữ {value} không hợp lệ (ví dụ đúng: "vi", "en").',
  'problem.invalid-phone': 'số điện thoại {value} không hợp lệ (ví dụ đúng: "+84 214 3800 000").',
  'problem.invalid-currency': 'mã tiền tệ {value} không hợp lệ (ví dụ đúng: "VND").',
  'problem.too-few-items': 'danh sách “{field}” cần ít nhất {expected} mục.',
  'problem.too-many-items':
    'danh sách “{field}” có {value} mục, nhiều hơn mức tối đa {expected} mục.',
  'problem.duplicate-id': 'mã {value} bị trùng; mỗi mã chỉ được dùng một lần.',
  'problem.unknown-start': 'cảnh bắt đầu {value} không có trong danh sách cảnh.',
  'problem.unknown-target': 'điểm này dẫn tới cảnh {value}, nhưng cảnh đó không tồn tại.',
  'problem.unknown-offer': 'điểm này mở ưu đãi {value}, nhưng ưu đãi đó không tồn tại.',
  'problem.unknown-highlight': 'cảnh nổi bật {value} của vòng giới thiệu không có trong tour này.',
  'problem.self-link': 'điểm này dẫn về chính cảnh {value}.',
  'problem.missing-default-text':
    'trường “{field}” thiếu nội dung cho ngôn ngữ mặc định “{expected}”.',
  'problem.unlisted-locale':
    'trường “{field}” dùng ngôn ngữ {value}, không có trong “locales” ({expected}).',
  'problem.insecure-link': 'liên kết {value} phải dùng https: (http: chỉ dùng cho localhost).',
  'problem.invalid-link': 'liên kết {value} không phải một địa chỉ hợp lệ.',
  'problem.invalid-origin':
    '{value} không phải địa chỉ gốc (origin) hợp lệ; hãy ghi dạng https://ten-mien.vn, không kèm đường dẫn.',
  'problem.path-leaves-site': 'đường dẫn {value} ra ngoài trang của tour; tệp phải nằm cùng trang.',
  'problem.root-relative-path':
    'đường dẫn {value} tính từ gốc trang web nên sẽ hỏng khi trang web nằm trong một thư mục con; hãy viết đường dẫn tương đối so với tệp tour, ví dụ {expected}.',
  'problem.file-not-found': 'không tìm thấy tệp {value}.',
  'problem.path-is-folder':
    'đường dẫn {value} là một thư mục; cần đường dẫn tới tệp tour, ví dụ {expected}.',
  'problem.invalid-image': 'ảnh toàn cảnh {value} không phải tệp ảnh JPEG, PNG hoặc WebP hợp lệ.',
  'problem.not-equirectangular':
    'ảnh toàn cảnh {value} có kích thước {actual} điểm ảnh, không theo tỉ lệ 2:1: ảnh equirectangular có chiều rộng này phải là {expected}. Nếu ảnh chỉ phủ một phần hình cầu, hãy thêm siêu dữ liệu GPano XMP cho biết phần đó (đa số ứng dụng chụp toàn cảnh đều ghi).',
  'problem.cylindrical-panorama':
    'theo siêu dữ liệu GPano XMP, ảnh toàn cảnh {value} là ảnh hình trụ (cylindrical), chỉ phủ {actual}, không phải toàn bộ hình cầu. Ảnh chỉ hiển thị ở vùng đó và khung nhìn không ra ngoài vùng này.',
  'problem.partial-panorama':
    'theo siêu dữ liệu GPano XMP, ảnh toàn cảnh {value} chỉ phủ {actual} của hình cầu. Ảnh chỉ hiển thị ở vùng đó và khung nhìn không ra ngoài vùng này.',
  'problem.panorama-over-texture-limit':
    'ảnh toàn cảnh {value} có kích thước {actual} điểm ảnh. Nhiều thiết bị chỉ nạp được ảnh rộng tối đa {expected} điểm ảnh làm một texture nên sẽ thu nhỏ ảnh và làm mất chi tiết. Hãy cắt ảnh thành các ô (tile) bằng npm run pano:tile và dùng kiểu "tiles".',
  'problem.panorama-over-phone-limit':
    'ảnh toàn cảnh {value} có kích thước {actual} điểm ảnh, rộng hơn {expected}, mức texture lớn nhất của nhiều điện thoại, nên trên điện thoại ảnh sẽ bị thu nhỏ. Để ảnh vẫn nét trên điện thoại, hãy cắt ảnh thành các ô bằng npm run pano:tile và dùng kiểu "tiles".',
  'problem.invalid-tiles':
    'tệp mô tả ô ảnh {value} không hợp lệ ({actual}). Hãy tạo lại bằng npm run pano:tile.',
  'problem.invalid-model':
    'mô hình {value} không phải tệp glTF 2.0: tệp .glb phải bắt đầu bằng “glTF”, còn tệp .gltf phải là JSON có đối tượng “asset”.',
  'problem.truncated-model':
    'mô hình {value} bị thiếu dữ liệu: phần đầu tệp ghi độ dài {expected} byte nhưng tệp chỉ có {actual} byte. Hãy sao chép hoặc xuất lại tệp.',
  'problem.orphan-scene': 'không có cảnh nào dẫn tới cảnh này; chỉ mở được từ danh sách cảnh.',
  'problem.unknown-key': 'trường “{field}” không có trong định dạng tour và sẽ bị bỏ qua.',

  'scene.list': 'Danh sách cảnh',
  'scene.listOpen': 'Mở danh sách cảnh',
  'scene.current': 'đang xem',
  'scene.kind.panorama': 'Ảnh 360°',
  'scene.kind.model': 'Mô hình 3D',
  'scene.loading': 'Đang tải “{title}”',
  'scene.error.title': 'Không hiển thị được cảnh “{title}”',
  'scene.error.other': 'Bạn vẫn có thể chọn cảnh khác trong danh sách cảnh.',
  'scene.credit': 'Nguồn: {credit}',
  'scene.help.panorama':
    'Ảnh 360°. Kéo để nhìn quanh, cuộn hoặc chụm hai ngón để phóng to. Bàn phím: phím mũi tên để nhìn quanh, + và − để phóng to, thu nhỏ.',
  'scene.help.model':
    'Mô hình 3D. Kéo để xoay, cuộn hoặc chụm hai ngón để phóng to. Bàn phím: phím mũi tên để xoay, + và − để phóng to, thu nhỏ.',

  'asset.error.http': 'Máy chủ trả về mã {status} cho tệp {url}.',
  'asset.error.network': 'Không tải được tệp {url}.',
  'asset.error.image': 'Tệp ảnh {url} bị hỏng hoặc không phải ảnh JPEG, PNG hay WebP.',
  'asset.error.model': 'Tệp mô hình {url} bị hỏng, không đọc được hoặc không có gì để hiển thị.',

  'tiles.error.json': 'Tệp mô tả ảnh lát {url} không phải JSON hợp lệ.',
  'tiles.error.field':
    'Tệp mô tả ảnh lát {url} không hợp lệ ở trường “{field}”. Hãy tạo lại bằng npm run pano:tile.',

  'hotspot.goTo': 'Đi tới: {title}',

  'card.close': 'Đóng',
  'offer.heading': 'Tour gợi ý',
  'offer.operator': 'Đơn vị tổ chức',
  'offer.price': 'Giá',
  'offer.duration': 'Thời gian',
  'offer.departsFrom': 'Khởi hành',
  'offer.book': 'Đặt tour',
  'offer.bookHint': 'mở trang đặt tour trong thẻ mới',
  'offer.call': 'Gọi {phone}',
  'offer.qrAlt': 'Mã QR của liên kết đặt tour',
  'offer.qrCaption': 'Quét mã để đặt tour trên điện thoại',

  'duration.days.one': '{count} ngày',
  'duration.days.other': '{count} ngày',
  'duration.nights.one': '{count} đêm',
  'duration.nights.other': '{count} đêm',
  'duration.join': '{days} {nights}',

  'lang.label': 'Ngôn ngữ',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'notice.dismiss': 'Đóng thông báo',
  'notice.view.invalid':
    'Tham số view={value} không hợp lệ nên đã bị bỏ qua (cần yaw,pitch,fov, ví dụ 30,-5,75).',
  'notice.scene.invalid': 'Tham số scene={value} không hợp lệ nên đã bị bỏ qua.',
  'notice.scene.not-found': 'Tour không có cảnh {value}; đang mở cảnh đầu tiên.',
  'notice.lang.unsupported': 'Ngôn ngữ {value} chưa được hỗ trợ; đang dùng tiếng Việt.',
  'notice.mode.invalid': 'Chế độ mode={value} không tồn tại nên đã bị bỏ qua.',
  'notice.tour.invalid': 'Địa chỉ tour {value} không hợp lệ; đang mở tour mẫu.',
  'notice.tour.other-origin':
    'Không mở tour từ trang khác ({value}); đang mở tour mẫu. Hãy đặt tệp tour trên cùng trang với ứng dụng.',

  'about.open': 'Giới thiệu',
  'about.title': 'Về tour này',

  'embed.start': 'Khám phá 360°',
  'embed.starting': 'Đang mở tour…',
  'embed.twoFingerHint': 'Dùng hai ngón tay để xoay ảnh',
  'embed.share.open': 'Chia sẻ',
  'embed.share.title': 'Chia sẻ cảnh này',
  'embed.share.linkLabel': 'Liên kết tới cảnh, hướng nhìn và ngôn ngữ hiện tại',
  'embed.share.copy': 'Sao chép liên kết',
  'embed.share.copied': 'Đã sao chép vào bộ nhớ tạm.',
  'embed.share.copyFailed': 'Không sao chép được; hãy chọn nội dung trong ô và sao chép bằng tay.',
  'embed.share.native': 'Chia sẻ qua ứng dụng…',
  'embed.share.embedHeading': 'Nhúng vào trang web',
  'embed.share.embedIntro':
    'Dán đoạn mã dưới đây vào trang của bạn. Các tham số chiến dịch được thêm vào mọi liên kết đặt tour mở từ khung nhúng này.',
  'embed.share.utmSource': 'Nguồn (utm_source)',
  'embed.share.utmMedium': 'Kênh (utm_medium)',
  'embed.share.utmCampaign': 'Chiến dịch (utm_campaign)',
  'embed.share.snippetLabel': 'Mã nhúng',
  'embed.share.copySnippet': 'Sao chép mã nhúng',
  'kiosk.attract.prompt': 'Chạm để khám phá',
  'kiosk.attract.start': 'Bắt đầu tham quan',
  'kiosk.staff.corner': 'Menu nhân viên (nhấn giữ 3 giây)',
  'kiosk.pin.title': 'Nhập mã PIN nhân viên',
  'kiosk.pin.label': 'Mã PIN',
  'kiosk.pin.submit': 'Mở menu',
  'kiosk.pin.clear': 'Xóa',
  'kiosk.pin.wrong': 'Mã PIN không đúng.',
  'kiosk.pin.locked': 'Nhập sai quá nhiều lần. Thử lại sau {seconds} giây.',
  'kiosk.pin.missing':
    'Quầy này chưa có mã PIN (đặt VITE_KIOSK_PIN khi build), nên menu nhân viên bị khóa.',
  'kiosk.menu.title': 'Menu nhân viên',
  'kiosk.menu.tour': 'Tour',
  'kiosk.menu.switchTour': 'Đổi tour',
  'kiosk.menu.language': 'Ngôn ngữ mặc định',
  'kiosk.menu.offline': 'Dùng ngoại tuyến',
  'kiosk.menu.visitors': 'Lượt khách hôm nay: {count}',
  'kiosk.menu.reset': 'Về màn hình chờ',
  'kiosk.menu.leave': 'Thoát chế độ quầy',
  'kiosk.menu.close': 'Đóng',
  'kiosk.offline.ready': 'Sẵn sàng ngoại tuyến: {files}/{total} tệp, {size}',
  'kiosk.offline.caching': 'Đang lưu để dùng ngoại tuyến: {files}/{total} tệp, {size}',
  'kiosk.offline.failed':
    'Chưa lưu được {failed} tệp; sẽ thử lại khi có mạng. Đã lưu {files}/{total} tệp, {size}.',
  'kiosk.offline.installing': 'Đang cài ứng dụng để dùng ngoại tuyến…',
  'kiosk.offline.unsupported': 'Trình duyệt này không lưu được ứng dụng để dùng ngoại tuyến.',
  'kiosk.offline.update': 'Đã tải bản cập nhật; bản này được dùng từ lần đặt lại tiếp theo.',
  'kiosk.offer.scan': 'Quét mã QR để đặt tour trên điện thoại của bạn',
  'kiosk.offer.phone': 'Hoặc gọi {phone}',
  'kiosk.contextLost': 'Đang khôi phục hình ảnh 3D…',
  'motion.gyro': 'Xoay điện thoại để nhìn quanh',
  'motion.gyro.denied':
    'Trình duyệt không cho dùng cảm biến chuyển động, nên khung cảnh không xoay theo điện thoại. Bạn vẫn có thể kéo để nhìn quanh. Muốn bật lại, hãy đóng thẻ này rồi mở lại tour.',
  'motion.gyro.no-readings':
    'Thiết bị không gửi dữ liệu cảm biến chuyển động nên chế độ xoay điện thoại đã tắt. Bạn vẫn có thể kéo để nhìn quanh.',
  'motion.gyro.no-readings-embed':
    'Trang nhúng tour không cho phép dùng cảm biến chuyển động nên chế độ xoay điện thoại đã tắt; khung nhúng cần có allow="gyroscope; accelerometer". Bạn vẫn có thể kéo để nhìn quanh.',
  'motion.fullscreen.enter': 'Toàn màn hình',
  'motion.fullscreen.exit': 'Thoát toàn màn hình',
  'motion.ar.enter': 'Xem trong không gian của bạn',
  'motion.ar.exit': 'Thoát chế độ AR',
  'motion.ar.scanning': 'Di chuyển điện thoại chậm rãi để tìm mặt sàn hoặc mặt bàn.',
  'motion.ar.place': 'Chạm để đặt mô hình vào vòng tròn.',
  'motion.ar.place-floor': 'Chạm vào một chỗ trên sàn để đặt mô hình.',
  'motion.ar.placed': 'Chạm chỗ khác để dời mô hình; dùng các nút để xoay và đổi kích thước.',
  'motion.ar.turn-left': 'Xoay trái',
  'motion.ar.turn-right': 'Xoay phải',
  'motion.ar.larger': 'Phóng to',
  'motion.ar.smaller': 'Thu nhỏ',
  'motion.ar.failed': 'Không mở được chế độ AR trên thiết bị này: {reason}',

  'xr.vr.enter': 'Vào VR',
  'xr.vr.enterHint': 'Xem tour bằng kính thực tế ảo',
  'xr.vr.exit': 'Thoát VR',
  'xr.vr.failed': 'Không mở được chế độ VR trên thiết bị này.',
  'xr.panel.close': 'Đóng',
  'xr.panel.phone': 'Điện thoại: {phone}',
  'xr.panel.scanHint': 'Quét mã QR bằng điện thoại để đặt tour',
  'xr.panel.bookDone': 'Hãy quét mã QR bằng điện thoại để hoàn tất đặt tour',
  'xr.model.hint': 'Dùng các nút này hoặc cần điều khiển bên phải để xoay và phóng to, thu nhỏ',
} as const

export type MessageKey = keyof typeof vi
