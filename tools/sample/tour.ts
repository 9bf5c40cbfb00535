import type { z } from 'zod'
import type { TourSchema } from '../../src/tour/schema.ts'
import { FESTIVAL_LANDMARKS, FESTIVAL_VIEW } from './festivalPanorama.ts'
import { STILT_HOUSE_CAMERA, STILT_HOUSE_POINTS } from './stiltHouse.ts'
import { TEA_LANDMARKS, TEA_VIEW } from './teaPanorama.ts'
import { VILLAGE_LANDMARKS, VILLAGE_VIEW } from './villagePanorama.ts'

/**
 * The bundled sample tour `tay-bac`: three drawn panoramas and a 3D model, linked both ways, with
 * info hotspots and sample offers departing from Ho Chi Minh City. Hotspots take their yaw and
 * pitch from the landmarks the panoramas are drawn around, so they stay on the drawn things.
 */

/** The tour as written to JSON, before the schema fills in defaults. */
export type TourInput = z.input<typeof TourSchema>

/** Asset file names under `public/`, shared by the generator and the tour paths. */
export const SAMPLE_ASSETS = {
  village: 'panoramas/huoi-nha-village.jpg',
  festival: 'panoramas/festival-ground.jpg',
  tea: 'panoramas/tea-hills.jpg',
  model: 'models/thai-stilt-house.glb',
} as const

/** Path of the tour file, relative to the project root. */
export const SAMPLE_TOUR_FILE = 'scenes/tay-bac/tour.json'

/** Returns the path of a `public/` file relative to the tour file, which is two folders deep. */
function assetPath(file: string): string {
  return `../../${file}`
}

function text(vi: string, en: string): { vi: string; en: string } {
  return { vi, en }
}

const OPERATOR = 'Sample Travel (demo)'
const SAMPLE_PHONE = '+84 28 0000 0000'
const FROM_HCMC = text('TP. Hồ Chí Minh', 'Ho Chi Minh City')
const SAMPLE_NOTE = text(
  'Giá và lịch trình là dữ liệu mẫu, không phải báo giá thật.',
  'Price and itinerary are sample data, not a real quote.',
)

const PANORAMA_CREDIT = text(
  'hình minh họa do dự án vẽ bằng chương trình (nội dung mẫu), không phải ảnh chụp',
  'illustration drawn procedurally by the project (sample content), not a photograph',
)
const MODEL_CREDIT = text(
  'mô hình cách điệu do dự án dựng bằng chương trình (nội dung mẫu)',
  'stylised model built procedurally by the project (sample content)',
)

const LINK_LABELS = {
  village: text('Về bản Huổi Nhả (Điện Biên)', 'To Huổi Nhả village (Điện Biên)'),
  festival: text('Đến sân lễ hội', 'To the festival ground'),
  tea: text('Sang đồi chè Mộc Châu (Sơn La)', 'To the Mộc Châu tea hills (Sơn La)'),
  model: text('Xem nhà sàn Thái (mô hình 3D)', 'Explore a Thái stilt house (3D model)'),
}

function offers(): NonNullable<TourInput['offers']> {
  return [
    {
      id: 'huoi-nha-homestay-4n3d',
      title: text(
        'Điện Biên – homestay bản Huổi Nhả 4N3Đ',
        'Điện Biên – Huổi Nhả village homestay, 4 days 3 nights',
      ),
      operator: OPERATOR,
      price: { amount: 7_290_000, currency: 'VND' },
      durationDays: 4,
      departsFrom: FROM_HCMC,
      url: 'https://example.org/tours/huoi-nha-homestay-4n3d',
      phone: SAMPLE_PHONE,
      description: text(
        `Tour mẫu: bay từ TP. Hồ Chí Minh đến Điện Biên, hai đêm ngủ nhà sàn cùng một gia đình trong bản, đi bộ qua ruộng bậc thang, học nấu món ăn địa phương, một đêm ở thành phố Điện Biên Phủ và thăm các di tích lịch sử.\n\n${SAMPLE_NOTE.vi}`,
        `Sample tour: fly from Ho Chi Minh City to Điện Biên, two nights in the stilt house of a village family, walks through the terraced fields, a local cooking lesson, and one night in Điện Biên Phủ city with visits to its historic sites.\n\n${SAMPLE_NOTE.en}`,
      ),
    },
    {
      id: 'dien-bien-festival-3n2d',
      title: text('Điện Biên mùa lễ hội 3N2Đ', 'Điện Biên in festival season, 3 days 2 nights'),
      operator: OPERATOR,
      price: { amount: 6_490_000, currency: 'VND' },
      durationDays: 3,
      departsFrom: FROM_HCMC,
      url: 'https://example.org/tours/dien-bien-festival-3n2d',
      phone: SAMPLE_PHONE,
      description: text(
        `Tour mẫu: xem các chương trình trên sân khấu lễ hội, dạo gian hàng sản vật của các tỉnh, vào vòng xòe cùng người dân và các đội văn nghệ, tham quan thành phố Điện Biên Phủ. Ngày khởi hành theo lịch của lễ hội.\n\n${SAMPLE_NOTE.vi}`,
        `Sample tour: the shows on the festival stage, stalls with products from the provinces, joining the xòe circle with villagers and performers, and a visit to Điện Biên Phủ city. Departure dates follow the festival calendar.\n\n${SAMPLE_NOTE.en}`,
      ),
    },
    {
      id: 'moc-chau-plateau-3n2d',
      title: text('Cao nguyên Mộc Châu 3N2Đ', 'Mộc Châu plateau, 3 days 2 nights'),
      operator: OPERATOR,
      price: { amount: 5_290_000, currency: 'VND' },
      durationDays: 3,
      departsFrom: FROM_HCMC,
      url: 'https://example.org/tours/moc-chau-plateau-3n2d',
      phone: SAMPLE_PHONE,
      description: text(
        `Tour mẫu: bay ra Hà Nội rồi đi xe lên Mộc Châu, dạo đồi chè lúc sáng sớm, thử hái và pha chè cùng người trồng chè, thăm một bản của người Thái và vườn mận theo mùa.\n\n${SAMPLE_NOTE.vi}`,
        `Sample tour: fly to Hà Nội and drive up to Mộc Châu, early-morning walks in the tea hills, picking and brewing tea with the growers, and a visit to a Thái village and the plum orchards in season.\n\n${SAMPLE_NOTE.en}`,
      ),
    },
  ]
}

function villageScene(): TourInput['scenes'][number] {
  const landmarks = VILLAGE_LANDMARKS
  return {
    id: 'huoi-nha',
    kind: 'panorama',
    title: text(
      'Bản Huổi Nhả – homestay cộng đồng (Điện Biên)',
      'Huổi Nhả village – community homestays (Điện Biên)',
    ),
    panorama: { type: 'equirect', src: assetPath(SAMPLE_ASSETS.village) },
    view: VILLAGE_VIEW,
    credit: PANORAMA_CREDIT,
    hotspots: [
      {
        id: 'homestay',
        kind: 'info',
        ...landmarks.homestay,
        title: text('Ở homestay cùng một gia đình trong bản', 'Staying with a village family'),
        text: text(
          'Ở những bản làm du lịch cộng đồng như Huổi Nhả, nhiều gia đình mở cửa nhà sàn đón khách. Khách ngủ trên sàn trong chăn đệm của gia chủ, ăn cơm bên bếp lửa, theo chủ nhà ra ruộng, học vài câu chào bằng tiếng của đồng bào hay ngồi xem các bà, các chị dệt vải.\n\nDu lịch cộng đồng giúp phần lớn thu nhập ở lại với các gia đình trong bản. Hãy xin phép trước khi chụp ảnh người dân và tôn trọng nếp sinh hoạt của gia đình chủ nhà.',
          'In villages that run community tourism, such as Huổi Nhả, families open their stilt houses to guests. You sleep on the floor on bedding your hosts provide, share meals by the hearth, walk out to the fields with the family, learn a greeting or two in the local language, or watch the women weave.\n\nCommunity tourism keeps most of the income with the families of the village. Ask before you photograph people, and respect the daily routine of your hosts.',
        ),
      },
      {
        id: 'homestay-offer',
        kind: 'offer',
        ...landmarks.guestHouse,
        offer: 'huoi-nha-homestay-4n3d',
        label: text('Tour homestay 4N3Đ từ TP.HCM', '4-day homestay tour from HCMC'),
      },
      {
        id: 'terraces',
        kind: 'info',
        ...landmarks.terraces,
        title: text('Ruộng bậc thang', 'Terraced rice fields'),
        text: text(
          'Ruộng bậc thang được đắp theo đường đồng mức của sườn đồi, nước chảy từ thửa trên xuống thửa dưới. Trên vùng cao Tây Bắc, lúa thường chín vàng vào khoảng tháng Chín, tháng Mười, mùa đẹp để đi bộ quanh bản.',
          'The terraces follow the contour lines of the slope, and water runs down from each field to the one below. In the Northwest highlands the rice usually turns gold around September and October, a fine season for walks around the village.',
        ),
      },
      {
        id: 'to-stilt-house',
        kind: 'scene',
        ...landmarks.modelHouse,
        target: 'stilt-house',
        label: LINK_LABELS.model,
      },
      {
        id: 'to-festival',
        kind: 'scene',
        ...landmarks.festivalFlags,
        target: 'festival',
        label: LINK_LABELS.festival,
      },
      {
        id: 'to-tea-hills',
        kind: 'scene',
        ...landmarks.teaHill,
        target: 'tea-hills',
        // Arrive facing the main tea hill.
        targetView: { ...TEA_LANDMARKS.mainHill, fov: 70 },
        label: LINK_LABELS.tea,
      },
    ],
  }
}

function festivalScene(): TourInput['scenes'][number] {
  const landmarks = FESTIVAL_LANDMARKS
  return {
    id: 'festival',
    kind: 'panorama',
    title: text('Sân lễ hội – vòng xòe Thái', 'Festival ground – the Thái xòe circle'),
    panorama: { type: 'equirect', src: assetPath(SAMPLE_ASSETS.festival) },
    view: FESTIVAL_VIEW,
    credit: PANORAMA_CREDIT,
    hotspots: [
      {
        id: 'festival',
        kind: 'info',
        ...landmarks.stage,
        title: text('Lễ hội “Tinh hoa Tây Bắc”', 'The “Tinh hoa Tây Bắc” festival'),
        text: text(
          'Lễ hội “Tinh hoa Tây Bắc” ở Điện Biên quy tụ các đội văn nghệ, nghệ nhân và sản vật của các tỉnh trong vùng, với sân khấu ca múa, gian hàng ẩm thực và trò chơi dân gian. Năm 2026, lễ hội với chủ đề “Sắc màu Sơn La” dự kiến được tổ chức tại TP. Hồ Chí Minh, để người dân thành phố được gặp văn hóa Tây Bắc ngay tại thành phố mình.\n\nHình vẽ chỉ để minh họa; lịch và chương trình do ban tổ chức công bố.',
          'The “Tinh hoa Tây Bắc” (Essence of the Northwest) festival in Điện Biên brings together performers, artisans and local products of the provinces of the region, with stage shows, food stalls and folk games. In 2026 the festival, under the theme “Sắc màu Sơn La” (Colours of Sơn La), is planned to take place in Ho Chi Minh City, so that city residents can meet Northwest culture close to home.\n\nThe drawing is only an illustration; dates and programmes are announced by the organisers.',
        ),
      },
      {
        id: 'xoe',
        kind: 'info',
        ...landmarks.danceCircle,
        title: text('Xòe vòng của người Thái', 'Xòe, the circle dance of the Thái'),
        text: text(
          'Trong xòe vòng, mọi người nắm tay nhau thành vòng tròn, bước theo nhịp trống chiêng và lời hát. Vòng xòe có thể nới rộng mãi để ai cũng vào được, kể cả khách phương xa. Với người Thái, xòe có mặt trong ngày hội, đám cưới, lễ mừng nhà mới, và là cách thể hiện sự gắn bó của cộng đồng.\n\nNghệ thuật Xòe Thái được UNESCO ghi danh là Di sản văn hóa phi vật thể đại diện của nhân loại năm 2021. Nếu được mời, bạn cứ nắm tay và vào vòng.',
          'In the circle xòe, people join hands in a ring and step to the beat of drums and gongs and to singing. The circle can always widen so that everyone can join, guests from far away included. For the Thái, xòe belongs to festivals, weddings and house-warmings, and it shows how closely the community holds together.\n\nThe art of Xòe dance of the Thái people was inscribed by UNESCO on the Representative List of the Intangible Cultural Heritage of Humanity in 2021. If you are invited, take a hand and join the circle.',
        ),
      },
      {
        id: 'festival-offer',
        kind: 'offer',
        ...landmarks.travelStall,
        offer: 'dien-bien-festival-3n2d',
        label: text('Tour lễ hội 3N2Đ từ TP.HCM', '3-day festival trip from HCMC'),
      },
      {
        id: 'to-stilt-house',
        kind: 'scene',
        ...landmarks.stiltHouse,
        target: 'stilt-house',
        label: LINK_LABELS.model,
      },
      {
        id: 'to-huoi-nha',
        kind: 'scene',
        ...landmarks.villageRoad,
        target: 'huoi-nha',
        label: LINK_LABELS.village,
      },
      {
        id: 'to-tea-hills',
        kind: 'scene',
        ...landmarks.teaHill,
        target: 'tea-hills',
        label: LINK_LABELS.tea,
      },
    ],
  }
}

function teaScene(): TourInput['scenes'][number] {
  const landmarks = TEA_LANDMARKS
  return {
    id: 'tea-hills',
    kind: 'panorama',
    title: text(
      'Đồi chè trên cao nguyên Mộc Châu (Sơn La)',
      'Tea hills on the Mộc Châu plateau (Sơn La)',
    ),
    panorama: { type: 'equirect', src: assetPath(SAMPLE_ASSETS.tea) },
    view: TEA_VIEW,
    credit: PANORAMA_CREDIT,
    hotspots: [
      {
        id: 'plateau',
        kind: 'info',
        ...landmarks.mainHill,
        title: text('Cao nguyên Mộc Châu bốn mùa', 'The Mộc Châu plateau through the year'),
        text: text(
          'Mộc Châu nằm ở độ cao khoảng 1.000 m so với mực nước biển nên mát mẻ quanh năm. Mùa xuân, hoa mận, hoa mơ nở trắng các sườn đồi; đầu hè là mùa mận chín, còn chè được hái nhiều lứa trong năm; từ cuối thu sang đông, hoa cải trắng phủ các thung lũng và buổi sáng thường có sương giăng như trong hình.\n\nNhớ mang áo ấm: đêm trên cao nguyên lạnh hơn nhiều so với TP. Hồ Chí Minh.',
          'Mộc Châu lies about 1,000 m above sea level and stays cool all year. In spring, plum and apricot blossom whitens the slopes; early summer brings ripe plums, and tea is picked in several rounds through the year; from late autumn into winter, white mustard flowers cover the valleys and mornings often begin in mist, as in this picture.\n\nBring warm clothes: nights on the plateau are much colder than in Ho Chi Minh City.',
        ),
      },
      {
        id: 'tea-picking',
        kind: 'info',
        ...landmarks.pickers,
        title: text('Hái chè buổi sớm', 'Picking tea in the morning'),
        text: text(
          'Người hái chè thường ra đồi từ sáng sớm, khi lá còn đọng sương, ngắt búp non “một tôm hai lá” cho vào gùi sau lưng. Một số đồi chè cho khách thử hái và xem chế biến chè cùng người trồng.',
          'Pickers go out early while the leaves are still wet with dew, plucking the bud and the two youngest leaves into the basket on their back. Some tea farms let visitors try picking and watch the tea being processed with the growers.',
        ),
      },
      {
        id: 'plateau-offer',
        kind: 'offer',
        ...landmarks.shelter,
        offer: 'moc-chau-plateau-3n2d',
        label: text('Tour cao nguyên 3N2Đ từ TP.HCM', '3-day plateau trip from HCMC'),
      },
      {
        id: 'to-stilt-house',
        kind: 'scene',
        ...landmarks.stiltHouse,
        target: 'stilt-house',
        label: LINK_LABELS.model,
      },
      {
        id: 'to-huoi-nha',
        kind: 'scene',
        ...landmarks.village,
        target: 'huoi-nha',
        label: LINK_LABELS.village,
      },
      {
        id: 'to-festival',
        kind: 'scene',
        ...landmarks.festival,
        target: 'festival',
        // Arrive facing the dance circle.
        targetView: { ...FESTIVAL_LANDMARKS.danceCircle, fov: 75 },
        label: LINK_LABELS.festival,
      },
    ],
  }
}

function stiltHouseScene(): TourInput['scenes'][number] {
  const points = STILT_HOUSE_POINTS
  return {
    id: 'stilt-house',
    kind: 'model',
    title: text('Nhà sàn Thái (mô hình 3D)', 'A Thái stilt house (3D model)'),
    model: { src: assetPath(SAMPLE_ASSETS.model) },
    camera: STILT_HOUSE_CAMERA,
    credit: MODEL_CREDIT,
    hotspots: [
      {
        id: 'stairs',
        kind: 'info',
        position: [...points.stairs],
        title: text('Cầu thang và sàn hiên', 'The stairs and the porch'),
        text: text(
          'Cầu thang dẫn lên một sàn hiên nhỏ ở đầu hồi, nơi rửa chân, phơi đồ và ngồi hóng mát. Khách nên cởi giày trước khi vào nhà và chờ chủ nhà mời ngồi.',
          'The stairs lead up to a small open porch at the gable end, where people wash their feet, dry cloth and sit in the cool of the evening. Take your shoes off before you go in, and wait for your hosts to offer you a seat.',
        ),
      },
      {
        id: 'roof',
        kind: 'info',
        position: [...points.roof],
        title: text('Mái hình mai rùa', 'The turtle-shell roof'),
        text: text(
          'Nhà sàn của người Thái Đen có mái cao và dốc, hai đầu hồi khum tròn như mai rùa. Mái lợp cỏ tranh hoặc lá cọ dày giúp nhà mát về mùa hè, ấm về mùa đông. Trên hai đầu nóc là khau cút, đôi thanh gỗ bắt chéo, dấu hiệu quen thuộc của nhà người Thái.\n\nMô hình này chỉ là cách điệu; mỗi vùng, mỗi gia đình làm nhà một khác.',
          'Houses of the Black Thái have a tall, steep roof whose gable ends curve round like the shell of a turtle. A thick thatch of grass or palm leaves keeps the house cool in summer and warm in winter. On both ends of the ridge sit the khau cút, a pair of crossed wooden boards and a familiar sign of a Thái house.\n\nThis model is stylised; every area and every family builds a little differently.',
        ),
      },
      {
        id: 'hearth',
        kind: 'info',
        position: [...points.hearth],
        title: text('Bếp lửa giữa nhà', 'The hearth'),
        text: text(
          'Bếp lửa là trái tim của nhà sàn: nơi nấu ăn, sưởi ấm, tiếp khách và kể chuyện. Giàn gác phía trên dùng để hong thóc giống, ngô và treo thịt gác bếp. Có nhà giữ lửa gần như quanh năm.\n\nKhi ở homestay, đừng gác chân lên kiềng bếp hay bỏ rác vào bếp: với nhiều gia đình, bếp lửa là nơi được kính trọng.',
          'The hearth is the heart of the house: the place to cook, keep warm, welcome guests and tell stories. The rack above it dries seed rice and corn and smokes meat. In some houses the fire is kept going almost all year.\n\nIn a homestay, do not rest your feet on the trivet or throw rubbish into the fire: for many families the hearth is a place of respect.',
        ),
      },
      {
        id: 'storage',
        kind: 'info',
        position: [...points.storage],
        title: text('Gầm sàn', 'Under the floor'),
        text: text(
          'Khoảng trống dưới sàn là nơi xếp củi, để nông cụ và gùi, và là chỗ râm mát để dệt vải hay làm việc nhà. Sàn cao còn giữ cho nhà khô ráo trong mùa mưa và tránh được thú rừng.',
          'The space under the floor holds firewood, tools and baskets, and gives shade for weaving and other work. The raised floor also keeps the home dry in the rainy season and out of reach of animals.',
        ),
      },
      {
        id: 'to-huoi-nha',
        kind: 'scene',
        position: [-1.5, 0.4, 6.5],
        target: 'huoi-nha',
        label: LINK_LABELS.village,
      },
      {
        id: 'to-festival',
        kind: 'scene',
        position: [3, 0.4, 7],
        target: 'festival',
        label: LINK_LABELS.festival,
      },
      {
        id: 'to-tea-hills',
        kind: 'scene',
        position: [7.5, 0.4, 4.5],
        target: 'tea-hills',
        label: LINK_LABELS.tea,
      },
    ],
  }
}

/** Builds the sample tour as it is written to `scenes/tay-bac/tour.json`. */
export function buildSampleTour(): TourInput {
  return {
    $schema: '../../public/schema/tour.v1.json',
    version: 1,
    id: 'tay-bac',
    title: text(
      'Tây Bắc mở rộng – bản làng, lễ hội và đồi chè (tour mẫu)',
      'The extended Northwest – villages, festivals and tea hills (sample tour)',
    ),
    description: text(
      'Đây là tour mẫu đi kèm phần mềm, minh họa cho chương trình hợp tác du lịch giữa các tỉnh Tây Bắc mở rộng và TP. Hồ Chí Minh. Theo hội nghị tổng kết năm 2025 tổ chức tại Điện Biên, các tỉnh trong chương trình đã đón hơn 90 triệu lượt khách trong năm 2025.\n\nẢnh 360° và mô hình 3D ở đây là hình vẽ do chương trình tạo ra, không phải ảnh chụp; các tour, giá, đơn vị lữ hành và số điện thoại đều là dữ liệu mẫu. Cơ quan du lịch có thể thay bằng ảnh 360° và mô hình của địa phương mình chỉ bằng cách sửa tệp tour.',
      'This is the sample tour that ships with the software. It illustrates the tourism cooperation programme between the provinces of the extended Northwest (Tây Bắc mở rộng) and Ho Chi Minh City. According to the programme’s 2025 review, held in Điện Biên, the provinces of the programme welcomed over 90 million visits in 2025.\n\nThe 360° images and the 3D model here are generated drawings, not photographs, and the tours, prices, operator and phone number are sample data. A tourism office can replace them with its own 360° photos and models by editing the tour file.',
    ),
    locales: ['vi', 'en'],
    start: 'huoi-nha',
    offers: offers(),
    scenes: [villageScene(), festivalScene(), teaScene(), stiltHouseScene()],
    credits: text(
      'Ảnh toàn cảnh 360° và mô hình nhà sàn: hình minh họa do dự án tự tạo bằng chương trình (tools/sample), thay cho ảnh chụp thật.\n\nTour, giá, đơn vị lữ hành và số điện thoại: dữ liệu mẫu, không thuộc doanh nghiệp nào. Đường dẫn đặt tour trỏ tới example.org.',
      '360° panoramas and the stilt-house model: illustrations made by the project’s own generator (tools/sample), standing in for real photos.\n\nTours, prices, operator and phone number: sample data that belong to no real business. Booking links point to example.org.',
    ),
  }
}
